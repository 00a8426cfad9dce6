package io.cti.pbxsim.calls;

/**
 * How an originated call ended its dialing, with Asterisk's OriginateResponse reason: 4 answered, 5 busy,
 * 3 no answer, 8 congestion, 1 hung up before answer, 0 failure (no such extension, unknown endpoint). The
 * channel's name and unique id are known only when it answered. Immutable.
 */
public record OriginateOutcome(int reason, String channel, String uniqueid) {

    public static final int FAILURE = 0;
    public static final int HANGUP = 1;
    public static final int NO_ANSWER = 3;
    public static final int ANSWERED = 4;
    public static final int BUSY = 5;
    public static final int CONGESTION = 8;

    public boolean answered() {
        return reason == ANSWERED;
    }

    static OriginateOutcome failed(int reason) {
        return new OriginateOutcome(reason, null, null);
    }
}
