package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.Command;
import io.cti.router.reservations.FencingToken;
import io.cti.core.messages.ConnectToAgent;

import java.time.Duration;

/**
 * Chooses the command that brings a routed call and its reserved agent together: {@link ConnectToAgent} for a
 * waiting caller, another for calls the router makes itself (a callback rings the agent, then the customer).
 * Implementations are called under the flow's lock.
 */
@FunctionalInterface
interface CallConnector {

    /** Every call is a waiting caller. */
    CallConnector DIRECT = (call, agent, extension, ringTimeout, token) ->
            ConnectToAgent.now(call, agent, extension, ringTimeout, token.value());

    /**
     * The command for {@code call} reserved for {@code agent} under {@code token}, which the command carries so
     * that the bridge ignores it once that reservation is no longer current.
     */
    Command connect(CallId call, AgentId agent, String extension, Duration ringTimeout, FencingToken token);
}
