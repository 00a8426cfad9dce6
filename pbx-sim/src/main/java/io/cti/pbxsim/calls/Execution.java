package io.cti.pbxsim.calls;

/** What a channel is running: its dialplan, or one application. Confined to the clock thread. */
interface Execution {

    /** True when running dialplan (such a channel reports a soft hang-up before it hangs up). */
    boolean isDialplan();

    /**
     * Stops the running application now, letting it clean up as Asterisk's would (Dial ends its bridge and sets
     * its timing variables, music on hold stops), without continuing in the dialplan.
     */
    void interrupt();
}
