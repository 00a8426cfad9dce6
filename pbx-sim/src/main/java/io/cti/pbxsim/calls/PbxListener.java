package io.cti.pbxsim.calls;

/**
 * Receives every manager event the simulated PBX raises, in the order raised. Called on the clock thread:
 * implementations must return quickly and never block (hand the event to another thread if needed).
 */
@FunctionalInterface
public interface PbxListener {

    void onEvent(ManagerEvent event);
}
