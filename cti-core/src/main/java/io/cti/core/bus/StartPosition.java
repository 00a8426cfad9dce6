package io.cti.core.bus;

/**
 * Where a consumer group created by a subscription begins reading its stream; ignored when the group exists
 * already (it then resumes where it left off). Immutable.
 */
public enum StartPosition {

    /** The whole retained stream, from its first entry ({@code XGROUP CREATE ... 0}). */
    BEGINNING("0"),
    /** Only entries added after the group was created ({@code XGROUP CREATE ... $}). */
    NEW_ONLY("$");

    private final String redisId;

    StartPosition(String redisId) {
        this.redisId = redisId;
    }

    String redisId() {
        return redisId;
    }
}
