package io.cti.pbxsim.ami;

import java.util.concurrent.CompletableFuture;

/**
 * One AMI action. Runs on the session's event loop; may answer later (the future may complete on the clock
 * thread). Implementations are stateless and shared by all sessions.
 */
@FunctionalInterface
interface ActionHandler {

    CompletableFuture<Reply> handle(AmiSession session, AmiMessage action);
}
