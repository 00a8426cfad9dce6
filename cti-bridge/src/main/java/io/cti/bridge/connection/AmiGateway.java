package io.cti.bridge.connection;

import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends AMI actions to the PBX without ever blocking the caller: every method returns at once, and every returned
 * future completes within its timeout. Implementations are thread-safe.
 */
public interface AmiGateway {

    AmiLinkState state();

    /**
     * Sends {@code action} and completes with the PBX's success response; completes exceptionally with a
     * {@link io.cti.bridge.BridgeException} when the link is down ({@code ami-link-down}), the PBX answers with an
     * error ({@code ami-action-failed}) or does not answer within the action timeout ({@code ami-action-timeout}).
     */
    CompletableFuture<ManagerResponse> send(ManagerAction action);

    /** Sends a list action (e.g. CoreShowChannels) and completes with the listed events, without the final one. */
    CompletableFuture<List<ResponseEvent>> list(EventGeneratingAction action);
}
