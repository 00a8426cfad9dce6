package io.cti.pbxsim;

import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.WireMessage;
import io.cti.pbxsim.traffic.SupervisorPhones;
import io.cti.pbxsim.traffic.TrafficPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's supervisor phone on the wire: with the demo traffic plan (pbx-sim routing, so that an agent takes a
 * caller), the platform's listen-in (an AMI Originate of the demo supervisor's phone to ChanSpy on the agent's
 * channel, as cti-bridge sends it) rings {@value SupervisorPhones#DEMO_DEVICE}, which answers by itself, and ChanSpy
 * attaches to the agent's channel.
 */
class SupervisorPhoneOverAmiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void theDemoSupervisorsPhoneAnswersAListenInAndChanSpyAttachesToTheAgentsChannel() throws InterruptedException {
        // Arrivals so rare that the test's own caller is the only one.
        TrafficPlan demo = TrafficPlan.demo(7, List.of(), 0.0001).withAutoRoute(true);
        try (Simulator sim = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser("cti", "s")))
                .withClock(VirtualClock::create).withTraffic(demo));
             AmiTestClient client = AmiTestClient.loggedIn(sim.port(), "cti", "s")) {
            VirtualClock clock = (VirtualClock) sim.clock();
            sim.traffic().orElseThrow().started().join();
            sim.pbx().inboundCall(InboundCall.of("PJSIP", "trunk", new Party("+4930123456", ""), "cti-inbound",
                    "5550100")).join();
            clock.runFor(Duration.ofSeconds(30));
            List<WireMessage> call = client.readUntil(m -> m.isEvent("BridgeEnter")
                    && m.get("Channel").startsWith("PJSIP/20"), PATIENCE);
            String agentChannel = call.get(call.size() - 1).get("Channel");

            client.send("""
                    Action: Originate\r
                    ActionID: spy-1\r
                    Channel: PJSIP/3001\r
                    Application: ChanSpy\r
                    Data: %s,qE\r
                    CallerID: Supervisor\r
                    Timeout: 30000\r
                    Async: true\r
                    \r
                    """.formatted(agentChannel));
            // The action is taken on the AMI server's thread: the phone rings once it was, then time moves on.
            List<WireMessage> spying = new java.util.ArrayList<>(client.readUntil(m -> m.isEvent("Newstate")
                    && m.get("Channel").startsWith(SupervisorPhones.DEMO_DEVICE + "-")
                    && "Ringing".equals(m.get("ChannelStateDesc")), PATIENCE));
            clock.runFor(Duration.ofSeconds(5));
            spying.addAll(client.readUntil(m -> m.isEvent("ChanSpyStart"), PATIENCE));

            assertThat(spying).filteredOn(m -> m.isEvent("OriginateResponse"))
                    .singleElement().satisfies(response -> {
                        assertThat(response.get("ActionID")).isEqualTo("spy-1");
                        assertThat(response.get("Response")).isEqualTo("Success");
                    });
            WireMessage start = spying.get(spying.size() - 1);
            assertThat(start.get("SpyerChannel")).startsWith(SupervisorPhones.DEMO_DEVICE + "-");
            assertThat(start.get("SpyeeChannel")).isEqualTo(agentChannel);
        }
    }

    @Test
    void theDemoPlanHasTheConsolesDemoSupervisorPhone() {
        assertThat(TrafficPlan.demo(1, List.of(), 10).supervisors().devices()).containsExactly("PJSIP/3001");
    }
}
