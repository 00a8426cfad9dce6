package io.cti.core.bus;

/**
 * The two streams of the bus: events (read by every interested role) and commands (handled by the owning
 * role). Immutable.
 */
public enum BusStream {

    EVENTS("events", StartPosition.NEW_ONLY),
    COMMANDS("commands", StartPosition.BEGINNING);

    private final String keySuffix;
    private final StartPosition defaultStart;

    BusStream(String keySuffix, StartPosition defaultStart) {
        this.keySuffix = keySuffix;
        this.defaultStart = defaultStart;
    }

    /** The part of the stream key after the prefix, e.g. {@code events} in {@code cti:events}. */
    public String keySuffix() {
        return keySuffix;
    }

    /**
     * Where a new consumer group starts when the subscription does not say: a command issued before its
     * handler's group existed must still be carried out, an old event is usually of no interest.
     */
    public StartPosition defaultStart() {
        return defaultStart;
    }
}
