package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.Party;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cti.pbxsim.traffic.TrafficSim.named;
import static io.cti.pbxsim.traffic.TrafficSim.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's stand-in router: waiting calls go to the agent free longest; RONA pauses an agent. */
class AutoRouterTest {

    @Test
    void waitingCallsGoToFreeAgentsInTheOrderTheyArrived() {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(1).withAgents(new AgentPhones(List.of("PJSIP/2001", "PJSIP/2002"),
                    Delay.fixed(1), 0, null)).withAutoRoute(true));
            String first = call(sim, "+4930100001");
            sim.run(Duration.ofSeconds(1));
            String second = call(sim, "+4930100002");
            sim.run(Duration.ofSeconds(10));

            List<String> routes = sim.events(userEvent("AcdRoute")).stream()
                    .map(event -> event.get("Channel") + "->" + event.get("Agent")).toList();
            assertThat(routes).containsExactly(first + "->2001", second + "->2002");
        }
    }

    @Test
    void anAgentWhoLetsACallRingOutPausesAndTheCallGoesToTheNextAgent() {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(1).withAgents(new AgentPhones(List.of("PJSIP/2001", "PJSIP/2002"),
                    Delay.fixed(1), 0, null)).withAutoRoute(true));
            // 2001 now lets every call ring.
            sim.pbx.registerEndpoint("PJSIP/2001", call -> call.ringing());
            String caller = call(sim, "+4930100001");
            sim.run(Duration.ofSeconds(30));

            List<String> agents = sim.events(userEvent("AcdRoute")).stream().map(event -> event.get("Agent")).toList();
            assertThat(agents).containsExactly("2001", "2002");
            assertThat(sim.events(named("BridgeEnter").and(event -> caller.equals(event.get("Channel"))))).hasSize(1);
        }
    }

    private static String call(TrafficSim sim, String number) {
        return sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", new Party(number, ""), "cti-inbound", "5550100"))
                .join().name();
    }
}
