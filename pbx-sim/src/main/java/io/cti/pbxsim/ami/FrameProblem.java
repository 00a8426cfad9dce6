package io.cti.pbxsim.ami;

/** A received message that could not be kept whole; the session answers it with an error. */
enum FrameProblem {
    /** More header lines than Asterisk keeps (128): "Too many lines in message or allocation failure". */
    TOO_MANY_LINES,
    /** More bytes than the simulator's frame cap before the empty line that ends the message. */
    FRAME_TOO_LARGE
}
