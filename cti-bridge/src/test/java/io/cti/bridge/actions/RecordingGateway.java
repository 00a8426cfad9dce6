package io.cti.bridge.actions;

import io.cti.bridge.connection.AmiGateway;
import io.cti.bridge.connection.AmiLinkState;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway that records the actions it is given and answers each with Success (or never, when told). */
final class RecordingGateway implements AmiGateway {

    final List<ManagerAction> sent = new CopyOnWriteArrayList<>();
    volatile boolean silent;

    @Override
    public AmiLinkState state() {
        return AmiLinkState.UP;
    }

    @Override
    public CompletableFuture<ManagerResponse> send(ManagerAction action) {
        sent.add(action);
        if (silent) {
            return new CompletableFuture<>();
        }
        ManagerResponse response = new ManagerResponse();
        response.setResponse("Success");
        return CompletableFuture.completedFuture(response);
    }

    @Override
    public CompletableFuture<List<ResponseEvent>> list(EventGeneratingAction action) {
        sent.add(action);
        return CompletableFuture.completedFuture(List.of());
    }
}
