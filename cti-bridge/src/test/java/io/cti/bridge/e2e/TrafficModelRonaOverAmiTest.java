package io.cti.bridge.e2e;

import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallArrived;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.clock.RealTimeClock;
import io.cti.pbxsim.traffic.AgentPhones;
import io.cti.pbxsim.traffic.TrafficPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pbx-sim's own traffic model makes RONA: its agents miss calls (no-answer probability), its stand-in router
 * (auto-route, on because no platform router is attached) sends the waiting caller to them, and the dialplan's ring
 * timeout in {@code cti-agent-connect} takes the caller back to holding. The bridge tells each missed leg once.
 */
class TrafficModelRonaOverAmiTest {

    /** Ten times the wall clock: the dialplan's default 15 s ring timeout passes in 1.5 s. */
    private static final double SPEED = 10;

    private SimulatedPbx pbx;

    @BeforeEach
    void start() {
        pbx = SimulatedPbx.started(config -> config.withClock(() -> RealTimeClock.accelerated(SPEED))
                .withTraffic(TrafficPlan.seeded(7).withAgents(AgentPhones.range(2001, 2001).withNoAnswer(1.0))
                        .withAutoRoute(true)));
        pbx.sim.traffic().orElseThrow().started().join();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void anAgentWhoNeverAnswersRingsOutAndTheCallerIsBackInHolding() {
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);

        await().atMost(Duration.ofSeconds(15)).until(() -> !pbx.published(AgentLegUnanswered.class).isEmpty());

        assertThat(pbx.callEvents()).extracting(event -> event.getClass().getSimpleName())
                .startsWith("CallArrived", "AgentLegRinging", "AgentLegUnanswered");
        assertThat(pbx.published(CallArrived.class)).singleElement()
                .satisfies(arrived -> assertThat(arrived.callId().value()).isEqualTo(customer.linkedid()));
        AgentLegUnanswered rona = pbx.published(AgentLegUnanswered.class).get(0);
        assertThat(rona.endpoint()).isEqualTo("PJSIP/2001");
        assertThat(rona.dialStatus()).isEqualTo("NOANSWER");
        assertThat(rona.channel()).isEqualTo(pbx.published(AgentLegRinging.class).get(0).channel());
        await().atMost(Duration.ofSeconds(5)).until(() -> "cti-hold".equals(pbx.pbx().channel(customer.name()).join()
                .orElseThrow().context()));
        assertThat(pbx.sim.traffic().orElseThrow().stats().agentNoAnswers()).isEqualTo(1);
    }
}
