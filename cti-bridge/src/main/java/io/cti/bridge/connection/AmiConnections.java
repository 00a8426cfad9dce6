package io.cti.bridge.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Makes the fresh asterisk-java connections the link logs in on, configured from the link's settings with the
 * platform's UserEvents registered, and counts what asterisk-java loses on them. Stateless; thread-safe.
 */
final class AmiConnections {

    /** The link's logger, as before this class was split from it, so log settings keep applying. */
    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private AmiConnections() {
    }

    /** A fresh, configured (not yet connected) asterisk-java connection that counts no lost events. */
    static RetirableConnection connectionFor(AmiLinkSettings settings,
                                             List<Class<? extends ManagerEvent>> userEventClasses) {
        return connectionFor(settings, userEventClasses, EventTypes.of(userEventClasses), EventLoss.NONE);
    }

    /** A fresh, configured (not yet connected) asterisk-java connection. */
    static RetirableConnection connectionFor(AmiLinkSettings settings,
                                             List<Class<? extends ManagerEvent>> userEventClasses,
                                             EventTypes types, EventLoss loss) {
        RetirableConnection connection = new RetirableConnection(types, loss);
        connection.setHostname(settings.host());
        connection.setPort(settings.port());
        connection.setUsername(settings.username());
        connection.setPassword(settings.secret());
        connection.setDefaultResponseTimeout(settings.actionTimeout().toMillis());
        connection.setDefaultEventTimeout(settings.listTimeout().toMillis());
        connection.setSocketTimeout((int) settings.connectTimeout().toMillis());
        // asterisk-java's default of 0 would never notice a half-open link.
        connection.setSocketReadTimeout((int) settings.readTimeout().toMillis());
        userEventClasses.forEach(connection::registerUserEventClass);
        return connection;
    }

    /**
     * Counts what asterisk-java loses: {@code cti.bridge.ami.dropped} (built, then dropped from its full dispatch
     * queue) and {@code cti.bridge.ami.events} with {@code outcome=unknown, type=unregistered} (a type it has no
     * class for). Never blocks: it runs on asterisk-java's reader and dispatch threads.
     */
    static EventLoss countingLoss(MeterRegistry registry) {
        Counter dropped = Counter.builder("cti.bridge.ami.dropped")
                .description("AMI events asterisk-java dropped because its dispatch queue was full")
                .register(registry);
        Counter unregistered = registry.counter("cti.bridge.ami.events", "outcome", "unknown", "type", "unregistered");
        return new EventLoss() {
            @Override
            public void dropped(long count) {
                dropped.increment(count);
            }

            @Override
            public void unregistered(String type) {
                unregistered.increment();
                log.debug("AMI event of unknown type {} skipped", type);
            }
        };
    }
}
