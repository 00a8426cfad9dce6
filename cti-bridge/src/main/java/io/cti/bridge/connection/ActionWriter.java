package io.cti.bridge.connection;

import io.cti.bridge.BridgeException;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes to the link's socket on its one writer thread, so that a write stuck on a half-open link never blocks a
 * caller: the platform's actions, each bounded by its timeout (its future fails with the PBX's error, a lost or
 * closed link, or the timeout), and the keep-alive pings. Asks the link for its current session at each write, so
 * an action never goes to a retired connection. Thread-safe.
 */
final class ActionWriter {

    /** The link's logger, as before this class was split from it, so log settings keep applying. */
    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private final AmiLinkSettings settings;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(LinkThreads.named("cti-ami-writer"));
    private final BooleanSupplier closed;
    private final Supplier<LinkSession> current;
    private final Supplier<AmiLinkState> state;

    /**
     * @param closed  whether the link was closed
     * @param current the link's logged-in session, or null
     * @param state   the link's state, named in the error of an action refused because the link is not up
     */
    ActionWriter(AmiLinkSettings settings, BooleanSupplier closed, Supplier<LinkSession> current,
                 Supplier<AmiLinkState> state) {
        this.settings = settings;
        this.closed = closed;
        this.current = current;
        this.state = state;
    }

    CompletableFuture<ManagerResponse> send(ManagerAction action) {
        String name = action.getAction();
        CompletableFuture<ManagerResponse> response = new CompletableFuture<>();
        submitWrite(name, response, session -> session.connection().sendAction(action, answer -> {
            if (answer == null) {
                // asterisk-java answers pending actions with null when the connection goes down.
                response.completeExceptionally(BridgeException.linkDown(name, "lost before the PBX answered"));
            } else if (isError(answer)) {
                response.completeExceptionally(BridgeException.actionFailed(name, answer.getMessage()));
            } else {
                response.complete(answer);
            }
        }));
        return within(response, settings.actionTimeout(), name);
    }

    CompletableFuture<List<ResponseEvent>> list(EventGeneratingAction action) {
        String name = action.getAction();
        CompletableFuture<List<ResponseEvent>> listed = new CompletableFuture<>();
        submitWrite(name, listed, session -> session.connection().sendEventGeneratingAction(action,
                answer -> completeList(name, action, answer, listed)));
        return within(listed, settings.listTimeout(), name);
    }

    /**
     * Sends a keep-alive ping on {@code session}; tells {@code lost} why the session is dead if the ping cannot be
     * sent, is refused, or the connection closes before it is answered.
     */
    void ping(LinkSession session, Consumer<String> lost) {
        try {
            writer.execute(() -> writePing(session, lost));
        } catch (RejectedExecutionException e) {
            log.debug("keep-alive ping not sent: the link is closing");
        }
    }

    void shutdownNow() {
        writer.shutdownNow();
    }

    void awaitStopped() {
        LinkThreads.awaitQuietly(writer);
    }

    private void writePing(LinkSession session, Consumer<String> lost) {
        if (!session.isLive()) {
            return;
        }
        try {
            session.connection().sendAction(new PingAction(), answer -> {
                if (answer == null) {
                    lost.accept("connection closed");
                } else if (isError(answer)) {
                    lost.accept("keep-alive ping refused: " + answer.getMessage());
                } else {
                    session.pongReceived();
                }
            });
        } catch (Exception e) {
            lost.accept("keep-alive ping could not be sent: " + e.getMessage());
        }
    }

    /** A write that may throw what asterisk-java's send methods throw. */
    private interface Write {
        void to(LinkSession session) throws Exception;
    }

    private void submitWrite(String name, CompletableFuture<?> result, Write write) {
        if (closed.getAsBoolean()) {
            result.completeExceptionally(BridgeException.linkClosed(name));
            return;
        }
        LinkSession session = current.get();
        if (session == null || state.get() != AmiLinkState.UP) {
            result.completeExceptionally(BridgeException.linkDown(name, state.get().name()));
            return;
        }
        try {
            writer.execute(() -> {
                if (result.isDone()) {
                    // Timed out while queued behind a stuck write: sending it now would act on a stale request.
                    return;
                }
                if (!session.isLive()) {
                    result.completeExceptionally(BridgeException.linkDown(name, state.get().name()));
                    return;
                }
                try {
                    write.to(session);
                } catch (Exception e) {
                    result.completeExceptionally(BridgeException.sendFailed(name, e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(BridgeException.linkClosed(name));
        }
    }

    private void completeList(String name, EventGeneratingAction action, ResponseEvents answer,
                              CompletableFuture<List<ResponseEvent>> listed) {
        if (answer == null) {
            listed.completeExceptionally(BridgeException.linkDown(name, "lost before the list was complete"));
            return;
        }
        ManagerResponse response = answer.getResponse();
        if (response != null && isError(response)) {
            listed.completeExceptionally(BridgeException.actionFailed(name, response.getMessage()));
            return;
        }
        listed.complete(answer.getEvents().stream()
                .filter(event -> !action.getActionCompleteEventClass().isInstance(event))
                .toList());
    }

    private static <T> CompletableFuture<T> within(CompletableFuture<T> pending, Duration timeout, String name) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pending.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            result.completeExceptionally(cause instanceof TimeoutException
                    ? BridgeException.actionTimeout(name, timeout) : cause);
        });
        return result;
    }

    private static boolean isError(ManagerResponse response) {
        return response instanceof ManagerError || "Error".equalsIgnoreCase(response.getResponse());
    }
}
