package io.cti.core.archfixture;

import io.cti.router.RouterException;

/**
 * Deliberate violation for ModuleBoundariesTest: the shared kernel depending on a role module.
 * Test sources only; never loaded by the rules that check the production classes.
 */
public class CoreKnowingTheRouter {

    RouterException lastFailure;
}
