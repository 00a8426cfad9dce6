package io.cti.router.callbacks;

/** Why a callback exists: the caller asked instead of waiting, or someone scheduled it for a time. */
public enum CallbackKind {
    /** The caller chose to be called back (IVR option 9) and keeps the place they had in the queue. */
    VIRTUAL_HOLD,
    /** An agent's wrap-up or the API asked for a call back to the customer at a given time. */
    SCHEDULED
}
