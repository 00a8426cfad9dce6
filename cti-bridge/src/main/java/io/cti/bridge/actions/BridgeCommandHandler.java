package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import io.cti.core.bus.MessageHandler;
import io.cti.core.messages.Command;
import io.cti.core.messages.DomainMessage;
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
 * well within the bus's claim timeout. Thread-safe.
 */
public final class BridgeCommandHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(BridgeCommandHandler.class);

    private final CallControl control;
    private final Duration wait;
    private final MeterRegistry registry;

    public BridgeCommandHandler(CallControl control, Duration actionTimeout, MeterRegistry registry) {
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

    private void failed(Command command, String type, BridgeException e) {
        registry.counter("cti.bridge.commands", "type", type, "outcome", e.errorId()).increment();
        log.warn("command {} {} not executed: {} ({})", type, command.id(), e.getMessage(), e.errorId());
    }
}
