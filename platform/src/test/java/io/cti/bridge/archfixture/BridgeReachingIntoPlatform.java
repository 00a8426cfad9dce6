package io.cti.bridge.archfixture;

import io.cti.platform.CtiPlatformApplication;

/**
 * Deliberate violation for ModuleBoundariesTest: a role depending on the application that assembles it.
 * Test sources only; never loaded by the rules that check the production classes.
 */
public class BridgeReachingIntoPlatform {

    CtiPlatformApplication application;
}
