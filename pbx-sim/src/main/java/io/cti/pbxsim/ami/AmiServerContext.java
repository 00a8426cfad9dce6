package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.Pbx;

import java.util.Set;

/** What every session of one AMI server shares: the PBX, the configuration, the live sessions, the actions. */
record AmiServerContext(Pbx pbx, AmiServerConfig config, Set<AmiSession> sessions, ActionDispatcher actions) {
}
