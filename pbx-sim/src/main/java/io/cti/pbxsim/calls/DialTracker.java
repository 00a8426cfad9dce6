package io.cti.pbxsim.calls;

/**
 * Whoever dialed an outgoing channel (an Originate, or the Dial application) and waits for its outcome. The
 * channel's technology (a Local pair's ;2 dialplan, or an endpoint's behaviour) reports progress here. Called on
 * the clock thread only.
 */
interface DialTracker {

    void ringing();

    void answered();

    void busy();

    void congestion();

    /** The outgoing channel went away before it answered. */
    void failed(int cause);
}
