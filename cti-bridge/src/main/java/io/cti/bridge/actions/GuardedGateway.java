package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import io.cti.bridge.connection.AmiGateway;
import io.cti.bridge.connection.AmiLinkState;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A gateway that checks every value of every action with {@link AmiValueGuard} before passing it on, so that no
 * sender (commands, resync, anything added later) can put an unchecked value on the wire. A refused action fails
 * its future with {@code ami-unsafe-value} and is not passed on. Thread-safe if the wrapped gateway is.
 */
public final class GuardedGateway implements AmiGateway {

    private final AmiGateway gateway;

    public GuardedGateway(AmiGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    @Override
    public AmiLinkState state() {
        return gateway.state();
    }

    @Override
    public CompletableFuture<ManagerResponse> send(ManagerAction action) {
        try {
            AmiValueGuard.checkAction(action);
        } catch (BridgeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return gateway.send(action);
    }

    @Override
    public CompletableFuture<List<ResponseEvent>> list(EventGeneratingAction action) {
        try {
            AmiValueGuard.checkAction(action);
        } catch (BridgeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return gateway.list(action);
    }
}
