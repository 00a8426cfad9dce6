package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import io.cti.core.bus.MessageHandler;
import io.cti.core.messages.Command;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.ReservationFence;
import io.cti.core.messages.ReservationFenced;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes the PBX commands the bridge receives from the bus. A command that fails is logged and counted but
 * acknowledged, never retried: re-running an originate or a redirect that may have half-happened could dial a
 * customer twice, and a refused command would be refused again. Waits at most the action timeout per command,
 * well within the bus's claim timeout. A command made for a reservation whose fencing token is no longer current (the
 * router that sent it died or stalled, and the call went back to its queue or to another agent) is acknowledged,
 * logged and counted ({@code outcome=fenced}), never run; one with no token is run as always. Thread-safe if the
 * fence is.
 */
public final class BridgeCommandHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(BridgeCommandHandler.class);

    private final CallControl control;
    private final Duration wait;
    private final MeterRegistry registry;
    private final ReservationFence fence;

    /** A handler that runs every command, fenced or not (no router to ask). */
    public BridgeCommandHandler(CallControl control, Duration actionTimeout, MeterRegistry registry) {
        this(control, actionTimeout, registry, ReservationFence.NONE);
    }

    /** A handler that runs a fenced command only while {@code fence} says its reservation is current. */
    public BridgeCommandHandler(CallControl control, Duration actionTimeout, MeterRegistry registry,
                                ReservationFence fence) {
        this.fence = java.util.Objects.requireNonNull(fence, "fence");
        this.control = control;
        // A little longer than the action timeout, so that CallControl's own timeout is what normally fires.
        this.wait = actionTimeout.plusMillis(500);
        this.registry = registry;
    }

    @Override
    public void handle(DomainMessage message) throws InterruptedException {
        if (!(message instanceof Command command)) {
            return;
        }
        String type = command.getClass().getSimpleName();
        if (command instanceof ReservationFenced fenced && !admitted(fenced, type)) {
            return;
        }
        try {
            control.execute(command).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            registry.counter("cti.bridge.commands", "type", type, "outcome", "done").increment();
        } catch (BridgeException e) {
            failed(command, type, e);
        } catch (ExecutionException e) {
            failed(command, type, e.getCause() instanceof BridgeException b ? b
                    : BridgeException.sendFailed(type, e.getCause()));
        } catch (TimeoutException e) {
            failed(command, type, BridgeException.actionTimeout(type, wait));
        }
    }

    /**
     * Whether the fenced command may run. Unable to ask (the router's store is down): not run either, since the
     * reservation will expire and its call be routed again, while a stale connect could ring a second agent.
     */
    private boolean admitted(ReservationFenced fenced, String type) {
        String outcome;
        try {
            if (fence.admits(fenced)) {
                return true;
            }
            outcome = "fenced";
            log.warn("command {} for call {} not executed: its reservation {} is no longer current", type,
                    fenced.callId(), fenced.fencingToken());
        } catch (RuntimeException e) {
            outcome = "fence-unavailable";
            log.warn("command {} for call {} not executed: whether reservation {} is current could not be asked: {}",
                    type, fenced.callId(), fenced.fencingToken(), e.toString());
        }
        registry.counter("cti.bridge.commands", "type", type, "outcome", outcome).increment();
        return false;
    }

    private void failed(Command command, String type, BridgeException e) {
        registry.counter("cti.bridge.commands", "type", type, "outcome", e.errorId()).increment();
        log.warn("command {} {} not executed: {} ({})", type, command.id(), e.getMessage(), e.errorId());
    }
}
