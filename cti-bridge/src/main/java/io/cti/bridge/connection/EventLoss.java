package io.cti.bridge.connection;

/**
 * Where a connection reports AMI events that never reached the bridge's listener. Called on asterisk-java's
 * reader and dispatch threads: implementations must not block.
 */
interface EventLoss {

    /** asterisk-java built {@code count} events but dropped them because its dispatch queue was full. */
    void dropped(long count);

    /** asterisk-java has no class for an event of type {@code type}, so it discarded the event unread. */
    void unregistered(String type);

    EventLoss NONE = new EventLoss() {
        @Override
        public void dropped(long count) {
            // Nobody counts: used by tests that look at a bare connection.
        }

        @Override
        public void unregistered(String type) {
            // Nobody counts: used by tests that look at a bare connection.
        }
    };
}
