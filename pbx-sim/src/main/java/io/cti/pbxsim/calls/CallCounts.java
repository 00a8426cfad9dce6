package io.cti.pbxsim.calls;

/** Live channels and channels created since start (CoreStatus' current and processed calls). Immutable. */
public record CallCounts(long active, long processed) {
}
