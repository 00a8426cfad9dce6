package io.cti.bridge;

import io.cti.bridge.actions.CallControl;
import io.cti.bridge.actions.CallControlSettings;
import io.cti.bridge.actions.GuardedGateway;
import io.cti.bridge.connection.AmiLink;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.connection.AmiLinkState;
import io.cti.bridge.events.AmiEventTranslator;
import io.cti.bridge.events.BridgeLinkListener;
import io.cti.bridge.events.TranslatorSettings;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The CTI bridge assembled: the AMI link, the event translator behind it (with its clock, which publishes settled
 * CallEnded events), and call control in front of it, every action passing the value guard. The edge that Spring
 * (or a test) wires; it holds no domain logic of its own. Thread-safe.
 */
public final class CtiBridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CtiBridge.class);
    private static final Duration TICK = Duration.ofMillis(200);

    private final AmiLink link;
    private final AmiEventTranslator translator;
    private final BridgeLinkListener listener;
    private final CallControl callControl;
    private final ScheduledExecutorService clock;

    /** @param sink where translated domain events go; must not block (e.g. a {@code DomainEventPublisher}) */
    public CtiBridge(AmiLinkSettings linkSettings, TranslatorSettings translatorSettings,
                     CallControlSettings callControlSettings, Consumer<DomainEvent> sink, MeterRegistry registry) {
        this.translator = new AmiEventTranslator(translatorSettings, sink, registry);
        this.listener = new BridgeLinkListener(translator, translatorSettings, registry, GuardedGateway::new);
        this.link = new AmiLink(linkSettings, listener, AmiEventTranslator.userEventClasses(), registry);
        this.callControl = new CallControl(new GuardedGateway(link), translator, callControlSettings,
                linkSettings.actionTimeout());
        translator.onStrandedChannel(channel -> callControl.hangUpStranded(channel).exceptionally(error -> {
            log.warn("channel {} left alone on hold could not be hung up: {}", channel, error.toString());
            return null;
        }));
        this.clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cti-bridge-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts connecting to the PBX and the clock; returns at once. */
    public void start() {
        clock.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        link.start();
    }

    public AmiLinkState linkState() {
        return link.state();
    }

    public CallControl callControl() {
        return callControl;
    }

    /** The most recent resync after a (re)login; completes once applied or failed. */
    public CompletableFuture<Void> lastResync() {
        return listener.lastResync();
    }

    @Override
    public void close() {
        link.close();
        clock.shutdownNow();
    }

    private void tick() {
        try {
            translator.tick(Instant.now());
        } catch (RuntimeException e) {
            // The clock must keep running: one bad call must not stop every later CallEnded.
            log.error("translator tick failed", e);
        }
    }
}
