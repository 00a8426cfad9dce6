package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hold from the agent's desktop on the platform dialplan: a Redirect with ExtraChannel sends caller and agent to
 * [cti-held] together (music for the caller, the agent still up), the Bridge action brings them back together, and
 * the end of that bridge sends the other party on to hang up.
 */
class DesktopHoldTest {

    private static final Party CUSTOMER = new Party("+4930123456", "");
    private static final String AGENT = "PJSIP/2001-00000001";

    @Test
    void aDualRedirectHoldsTheCallerWithMusicAndKeepsTheAgentsChannelUp() {
        try (VirtualPbx sim = connectedCall()) {
            String caller = callerName(sim);

            sim.pbx.redirect(caller, "cti-held", "caller", 1, AGENT, "cti-held", "agent", 1).join();
            sim.run(Duration.ofSeconds(30));

            ChannelSnapshot held = sim.pbx.channel(caller).join().orElseThrow();
            ChannelSnapshot agent = sim.pbx.channel(AGENT).join().orElseThrow();
            assertThat(held.context()).isEqualTo("cti-held");
            assertThat(held.application()).isEqualTo("MusicOnHold");
            assertThat(held.bridgeId()).isEmpty();
            assertThat(agent.context()).isEqualTo("cti-held");
            assertThat(agent.application()).isEqualTo("Wait");
            assertThat(sim.first(named("MusicOnHoldStart", "Context", "cti-held")).get("Channel")).isEqualTo(caller);
            assertThat(sim.all(named("Hangup"))).isEmpty();
            assertThat(sim.first(named("BridgeLeave", "Channel", AGENT))).isNotNull();
        }
    }

    @Test
    void theBridgeActionRejoinsThemAndTheOtherPartyHangsUpWhenOneLeaves() {
        try (VirtualPbx sim = connectedCall()) {
            String caller = callerName(sim);
            sim.pbx.redirect(caller, "cti-held", "caller", 1, AGENT, "cti-held", "agent", 1).join();
            sim.run(Duration.ofSeconds(10));

            sim.pbx.bridge(caller, AGENT).join();
            sim.run(Duration.ofSeconds(1));

            ChannelSnapshot resumed = sim.pbx.channel(caller).join().orElseThrow();
            assertThat(resumed.bridgeId()).isNotEmpty()
                    .isEqualTo(sim.pbx.channel(AGENT).join().orElseThrow().bridgeId());
            assertThat(sim.all(named("MusicOnHoldStop", "Channel", caller))).isNotEmpty();
            assertThat(sim.all(named("BridgeEnter", "Channel", caller))).hasSize(2);

            sim.pbx.hangupFromFarEnd(AGENT, 16).join();
            sim.run(Duration.ofSeconds(1));

            assertThat(sim.pbx.channels().join()).isEmpty();
            assertThat(sim.first(named("Hangup", "Channel", caller)).get("Context")).isEqualTo("cti-held");
        }
    }

    @Test
    void aSecondHoldAfterAResumeWorksTheSameWay() {
        try (VirtualPbx sim = connectedCall()) {
            String caller = callerName(sim);
            sim.pbx.redirect(caller, "cti-held", "caller", 1, AGENT, "cti-held", "agent", 1).join();
            sim.run(Duration.ofSeconds(2));
            sim.pbx.bridge(caller, AGENT).join();
            sim.run(Duration.ofSeconds(2));

            sim.pbx.redirect(caller, "cti-held", "caller", 1, AGENT, "cti-held", "agent", 1).join();
            sim.run(Duration.ofSeconds(2));

            assertThat(sim.all(named("MusicOnHoldStart", "Context", "cti-held"))).hasSize(2);
            assertThat(sim.pbx.channels().join()).hasSize(2);
            assertThat(sim.pbx.channel(caller).join().orElseThrow().bridgeId()).isEmpty();
        }
    }

    @Test
    void bridgingAChannelThatIsGoneFailsNamingIt() {
        try (VirtualPbx sim = connectedCall()) {
            assertThatThrownBy(() -> sim.pbx.bridge(callerName(sim), "PJSIP/9999-000000ff").join())
                    .isInstanceOf(CompletionException.class).hasMessageContaining("Channel2");
        }
    }

    private static VirtualPbx connectedCall() {
        VirtualPbx sim = new VirtualPbx(Dialplan.load(PlatformDialplanTest.CONFIG_FILE));
        sim.pbx.registerEndpoint("PJSIP/2001", EndpointBehaviour.answering());
        sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", CUSTOMER, "cti-inbound", "5550100")).join();
        sim.run(Duration.ofSeconds(5));
        String caller = callerName(sim);
        sim.pbx.redirect(caller, "cti-agent-connect", "2001", 1).join();
        sim.run(Duration.ofSeconds(5));
        assertThat(sim.pbx.channel(AGENT).join()).isPresent();
        return sim;
    }

    private static String callerName(VirtualPbx sim) {
        return sim.first(named("UserEvent", "UserEvent", "AcdEnter")).get("Channel");
    }
}
