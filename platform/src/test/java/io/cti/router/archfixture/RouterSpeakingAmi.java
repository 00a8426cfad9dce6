package io.cti.router.archfixture;

import org.asteriskjava.manager.ManagerConnection;

/**
 * Deliberate violation for ModuleBoundariesTest: a router class that talks AMI itself. Test sources only;
 * never loaded by the rules that check the production classes.
 */
public class RouterSpeakingAmi {

    ManagerConnection connection;
}
