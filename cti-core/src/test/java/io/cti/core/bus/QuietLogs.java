package io.cti.core.bus;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifts logback's unconfigured default (everything at DEBUG, Lettuce and Netty included) to INFO for the bus
 * tests and the child consumer JVM. Stateless.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        }
    }
}
