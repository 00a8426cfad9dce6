package io.cti.dialer.archfixture;

import io.cti.router.RouterException;

/**
 * Deliberate violation for ModuleBoundariesTest: one role reaching into another instead of using the bus.
 * Test sources only; never loaded by the rules that check the production classes.
 */
public class DialerCallingTheRouter {

    RouterException routerFailure;
}
