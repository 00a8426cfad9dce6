package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;

/** ChanSpy for supervisors: ChanSpyStart and ChanSpyStop with Asterisk 20's fields and order. */
class ChanSpyTest {

    private static final String DIALPLAN = """
            [in]
            exten => 100,1,Answer()
             same => n,Dial(PJSIP/2001,20)
             same => n,Hangup()
            [spy]
            exten => listen,1,ChanSpy(${TARGET},${OPTIONS})
             same => n,Set(SPY_DONE=yes)
             same => n,Hangup()
            """;

    @Test
    void spyingStartsWithTheSpyersFieldsThenTheSpiedOnChannelsFields() {
        try (Spying spying = new Spying("qES")) {
            ManagerEvent start = spying.sim.first(named("ChanSpyStart"));

            List<String> names = start.fields().stream().map(ManagerEvent.Field::name).toList();
            assertThat(names.subList(0, 14)).allMatch(name -> name.startsWith("Spyer"));
            assertThat(names.subList(14, 28)).allMatch(name -> name.startsWith("Spyee"));
            assertThat(start.get("SpyerChannel")).isEqualTo(spying.supervisor);
            assertThat(start.get("SpyeeChannel")).isEqualTo(spying.agent);
            assertThat(start.eventClass()).isEqualTo("call");
        }
    }

    @Test
    void whenTheSpiedOnCallEndsSpyingStopsWithOnlyTheSpyersFieldsAndTheSpyLeaves() {
        try (Spying spying = new Spying("qES")) {
            spying.sim.pbx.hangupFromFarEnd(spying.agent, 16).join();
            spying.sim.run(Duration.ofSeconds(1));

            ManagerEvent stop = spying.sim.first(named("ChanSpyStop"));
            assertThat(stop.fields()).hasSize(14).allMatch(field -> field.name().startsWith("Spyer"));
            assertThat(stop.get("SpyerChannel")).isEqualTo(spying.supervisor);
            assertThat(spying.sim.first(named("VarSet", "Variable", "SPY_DONE")).get("Channel"))
                    .isEqualTo(spying.supervisor);
        }
    }

    @Test
    void aSupervisorHangingUpStopsSpyingBeforeTheirHangupIsReported() {
        try (Spying spying = new Spying("qESw")) {
            spying.sim.pbx.hangupFromFarEnd(spying.supervisor, 16).join();
            spying.sim.run(Duration.ofSeconds(1));

            List<String> names = spying.sim.events.names();
            int stop = names.indexOf("ChanSpyStop");
            ManagerEvent supervisorHangup = spying.sim.first(named("Hangup", "Channel", spying.supervisor));
            int hangup = spying.sim.events.all().indexOf(supervisorHangup);
            assertThat(stop).isPositive().isLessThan(hangup);
        }
    }

    @Test
    void withNobodyToSpyOnAndTheStopOptionChanSpyReturnsAtOnce() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/3001", EndpointCall::answer);
            sim.pbx.originate(OriginateRequest.toExtension("PJSIP/3001", "spy", "listen", 1)
                    .withVariables(Map.of("TARGET", "PJSIP/2001", "OPTIONS", "qES"))).join();
            sim.run(Duration.ofSeconds(1));

            assertThat(sim.events.names()).doesNotContain("ChanSpyStart");
            assertThat(sim.first(named("VarSet", "Variable", "SPY_DONE")).get("Value")).isEqualTo("yes");
        }
    }

    /** A caller talking to agent 2001, and supervisor 3001 spying on the agent's channel with {@code options}. */
    private static final class Spying implements AutoCloseable {
        final VirtualPbx sim = new VirtualPbx(DIALPLAN);
        final String agent;
        final String supervisor;

        Spying(String options) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::answer);
            sim.pbx.registerEndpoint("PJSIP/3001", EndpointCall::answer);
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", new Party("5551000", ""), "in", "100")).join();
            sim.run(Duration.ofSeconds(2));
            agent = sim.first(named("BridgeEnter", "Channel", "PJSIP/2001-00000001")).get("Channel");
            supervisor = sim.pbx.originate(OriginateRequest.toExtension("PJSIP/3001", "spy", "listen", 1)
                    .withVariables(Map.of("TARGET", "PJSIP/2001", "OPTIONS", options))).join().channel();
            sim.run(Duration.ofSeconds(1));
        }

        @Override
        public void close() {
            sim.close();
        }
    }
}
