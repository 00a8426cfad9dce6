package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.OriginateRequest;
import io.cti.pbxsim.calls.Party;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.cti.pbxsim.traffic.TrafficSim.named;
import static io.cti.pbxsim.traffic.TrafficSim.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Agents' phones: a ring delay before they are picked up, or nobody picking up at all. */
class AgentPhonesTest {

    @Test
    void aPhoneIsPickedUpAfterItsRingDelay() {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(1).withAgents(new AgentPhones(List.of("PJSIP/2001"),
                    Delay.uniform(3, 5), 0, null)));
            connectCallerTo(sim, "2001");

            Instant dialed = sim.timed(named("DialBegin")).get(0).at();
            Instant answered = sim.timed(named("DialEnd")).get(0).at();
            assertThat(sim.events(named("DialEnd")).get(0).get("DialStatus")).isEqualTo("ANSWER");
            assertThat(Duration.between(dialed, answered)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
            assertThat(sim.traffic.stats().agentAnswers()).isEqualTo(1);
        }
    }

    @Test
    void aPhoneNobodyPicksUpRingsOutIntoRona() {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(1).withAgents(AgentPhones.range(2001, 2001).withNoAnswer(1)));
            connectCallerTo(sim, "2001");

            assertThat(sim.events(userEvent("AcdRona")).get(0).get("DialStatus")).isEqualTo("NOANSWER");
            assertThat(sim.traffic.stats().agentNoAnswers()).isEqualTo(1);
        }
    }

    @Test
    void aLiveOutboundAnswerIsPickedUpAutomaticallyBeforeTheCalleeGivesUp() {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(1)
                    .withAgents(AgentPhones.range(2001, 2001).withRingDelay(Delay.fixed(10)).withNoAnswer(1))
                    .withPopulation(Population.parse("{\"phone\":\"+4930123456\",\"timeZone\":\"UTC\","
                            + "\"answer\":1,\"answerDelaySeconds\":{\"min\":1,\"max\":1}}", "one")));
            sim.pbx.subscribe(event -> {
                if ("OutboundLive".equals(event.get("UserEvent"))) {
                    sim.pbx.redirect(event.get("Channel"), "cti-agent-connect", "2001", 1);
                }
            });
            sim.pbx.originate(OriginateRequest.toExtension("PJSIP/+4930123456@trunk", "cti-outbound", "s", 1));
            sim.run(Duration.ofMinutes(10));

            assertThat(sim.events(named("DialEnd")).get(0).get("DialStatus")).isEqualTo("ANSWER");
            assertThat(sim.traffic.stats().outboundConnected()).isEqualTo(1);
        }
    }

    /** A caller waiting in support, then sent to the agent's phone, and 30 s for it to play out. */
    private static void connectCallerTo(TrafficSim sim, String agent) {
        String caller = sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "cti-inbound",
                "5550100")).join().name();
        sim.run(Duration.ofSeconds(2));
        sim.pbx.redirect(caller, "cti-agent-connect", agent, 1).join();
        sim.run(Duration.ofSeconds(30));
    }
}
