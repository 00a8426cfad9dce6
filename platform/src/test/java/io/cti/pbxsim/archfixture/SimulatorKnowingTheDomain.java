package io.cti.pbxsim.archfixture;

import io.cti.core.ids.CallId;

/**
 * Deliberate violation for ModuleBoundariesTest: the PBX simulator using the platform's domain types.
 * Test sources only; never loaded by the rules that check the production classes.
 */
public class SimulatorKnowingTheDomain {

    CallId call;
}
