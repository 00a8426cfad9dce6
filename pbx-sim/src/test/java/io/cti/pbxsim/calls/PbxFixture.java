package io.cti.pbxsim.calls;

import io.cti.pbxsim.clock.RealTimeClock;

/** A PBX on a sped-up real-time clock with a given dialplan, its events logged. Close after use. */
final class PbxFixture implements AutoCloseable {

    final Pbx pbx;
    final EventLog events = new EventLog();

    PbxFixture(String extensionsConf) {
        pbx = Pbx.start(PbxConfig.of(RealTimeClock.accelerated(50), Dialplan.parse(extensionsConf)));
        pbx.subscribe(events);
    }

    @Override
    public void close() {
        pbx.close();
    }
}
