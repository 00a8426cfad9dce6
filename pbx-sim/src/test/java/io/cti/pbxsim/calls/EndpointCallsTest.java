package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls to simulated endpoints (agent phones, a trunk to customers), driven from Java as traffic models will
 * drive them: the endpoint's behaviour rings, answers, refuses or hangs up, and the PBX reports it on AMI.
 */
class EndpointCallsTest {

    private static final String DIALPLAN = """
            [inbound]
            exten => 100,1,Answer()
             same => n,Dial(PJSIP/2001,10)
             same => n,Set(AFTER_DIAL=${DIALSTATUS})
             same => n,Wait(60)
            """;

    @Test
    void anAgentPhoneThatRingsThenAnswersIsBridgedWithTheCaller() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/2001", call -> {
                call.ringing();
                sim.pbx.clock().schedule(Duration.ofSeconds(2), call::answer);
            });
            ChannelSnapshot caller = sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk",
                    new Party("5551001", "Customer One"), "inbound", "100")).join();

            ManagerEvent ringing = sim.events.await(named("DialState", "DialStatus", "RINGING"));
            ManagerEvent answered = sim.events.await(named("DialEnd", "DialStatus", "ANSWER"));
            sim.events.await(named("BridgeEnter", "Channel", caller.name()));

            // One name sequence per channel driver: the inbound trunk channel took 00000000.
            assertThat(caller.name()).isEqualTo("PJSIP/trunk-00000000");
            assertThat(ringing.get("DestChannel")).isEqualTo("PJSIP/2001-00000001");
            assertThat(answered.get("Channel")).isEqualTo(caller.name());
            assertThat(answered.get("DestConnectedLineNum")).isEqualTo("5551001");
        }
    }

    @Test
    void anAgentPhoneHangingUpEndsTheBridgeAndTheCallerContinuesInTheDialplan() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            AtomicReference<EndpointCall> phone = new AtomicReference<>();
            sim.pbx.registerEndpoint("PJSIP/2001", call -> {
                phone.set(call);
                call.answer();
            });
            ChannelSnapshot caller = sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk",
                    new Party("5551001", ""), "inbound", "100")).join();
            sim.events.await(named("BridgeEnter", "Channel", caller.name()));
            phone.get().hangup(16);

            ManagerEvent after = sim.events.await(named("VarSet", "Variable", "AFTER_DIAL"));
            assertThat(after.get("Value")).isEqualTo("ANSWER");
            assertThat(after.get("Channel")).isEqualTo(caller.name());
            assertThat(sim.events.names()).contains("BridgeLeave", "BridgeDestroy");
        }
    }

    @Test
    void anAgentPhoneThatNeverAnswersEndsTheDialWithNoAnswer() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::ringing);
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "inbound", "100")).join();

            ManagerEvent end = sim.events.await(named("DialEnd"));
            assertThat(end.get("DialStatus")).isEqualTo("NOANSWER");
            assertThat(sim.events.await(named("VarSet", "Variable", "AFTER_DIAL")).get("Value")).isEqualTo("NOANSWER");
        }
    }

    @Test
    void aBusyAgentPhoneEndsTheDialWithBusy() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::busy);
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "inbound", "100")).join();

            assertThat(sim.events.await(named("VarSet", "Variable", "AFTER_DIAL")).get("Value")).isEqualTo("BUSY");
        }
    }

    @Test
    void dialingAnUnregisteredEndpointIsChannelUnavailable() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "inbound", "100")).join();

            assertThat(sim.events.await(named("VarSet", "Variable", "AFTER_DIAL")).get("Value"))
                    .isEqualTo("CHANUNAVAIL");
        }
    }

    @Test
    void anOriginateThroughATrunkReportsTheCustomersAnswer() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/trunk", call -> sim.pbx.clock().schedule(Duration.ofSeconds(3),
                    call::answer));
            OriginateOutcome outcome = sim.pbx.originate(OriginateRequest
                    .toApplication("PJSIP/5551234@trunk", "Wait", "5")
                    .withCallerId(new Party("7000", "Dialer"))).join();

            assertThat(outcome.answered()).isTrue();
            assertThat(outcome.channel()).isEqualTo("PJSIP/trunk-00000000");
            assertThat(sim.events.await(named("DialBegin")).get("DialString")).isEqualTo("5551234@trunk");
        }
    }

    @Test
    void anOriginateToACustomerWhoDoesNotAnswerTimesOutWithReasonThree() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/trunk", EndpointCall::ringing);
            OriginateOutcome outcome = sim.pbx.originate(OriginateRequest
                    .toApplication("PJSIP/5551234@trunk", "Wait", "5").withTimeout(Duration.ofSeconds(20))).join();

            assertThat(outcome.reason()).isEqualTo(OriginateOutcome.NO_ANSWER);
            assertThat(sim.events.await(named("Hangup")).get("Cause")).isEqualTo("19");
        }
    }
}
