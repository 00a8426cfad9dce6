package io.cti.console.push;

import java.time.Duration;

/**
 * How far one push socket may fall behind before it is cut off: frames and bytes waiting behind the one in flight,
 * and how long one frame may take to leave. Immutable.
 */
record SendLimits(int frames, long bytes, Duration sendTime) {

    SendLimits {
        if (frames < 1 || bytes < 1 || sendTime.isNegative() || sendTime.isZero()) {
            throw new IllegalArgumentException("send limits must be positive: " + frames + " frames, " + bytes
                    + " bytes, " + sendTime);
        }
    }
}
