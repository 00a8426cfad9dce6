package io.cti.pbxsim.calls;

/** What a dialplan application did when it ran. */
enum AppOutcome {
    /** Finished at once: continue with the next priority. */
    NEXT,
    /** Moved the channel elsewhere in the dialplan: continue there. */
    JUMP,
    /** Still running (waiting, dialing, bridged): it will resume the dialplan itself. */
    WAIT,
    /** The channel is gone. */
    END
}
