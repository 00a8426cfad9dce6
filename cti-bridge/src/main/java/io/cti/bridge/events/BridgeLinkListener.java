package io.cti.bridge.events;

import io.cti.bridge.connection.AmiGateway;
import io.cti.bridge.connection.LinkListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.event.ManagerEvent;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Connects the AMI link to the translator: every event is translated on arrival (on asterisk-java's dispatch
 * thread, without blocking), and every (re)login starts a resync. Thread-safe.
 */
public final class BridgeLinkListener implements LinkListener {

    private final AmiEventTranslator translator;
    private final Resync resync;
    private final UnaryOperator<AmiGateway> guard;
    private volatile CompletableFuture<Void> lastResync = CompletableFuture.completedFuture(null);

    /**
     * @param guard wraps the link's gateway before the resync sends anything through it, so that resync actions
     *              pass the same value checks as commands
     */
    public BridgeLinkListener(AmiEventTranslator translator, TranslatorSettings settings, MeterRegistry registry,
                              UnaryOperator<AmiGateway> guard) {
        this.translator = translator;
        this.resync = new Resync(translator, settings, registry);
        this.guard = guard;
    }

    @Override
    public void onEvent(ManagerEvent event) {
        translator.onEvent(event, Instant.now());
    }

    @Override
    public void onLinkUp(AmiGateway gateway) {
        lastResync = resync.run(guard.apply(gateway));
    }

    /** The most recent resync, for tests and health: completes once applied or failed. */
    public CompletableFuture<Void> lastResync() {
        return lastResync;
    }
}
