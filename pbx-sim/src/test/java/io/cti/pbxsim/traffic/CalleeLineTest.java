package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.Dialplan;
import io.cti.pbxsim.calls.OriginateOutcome;
import io.cti.pbxsim.calls.OriginateRequest;
import io.cti.pbxsim.clock.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.cti.pbxsim.traffic.TrafficSim.named;
import static io.cti.pbxsim.traffic.TrafficSim.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Outbound callees from a population file, answering the dialer as the binding format's algorithm says. */
class CalleeLineTest {

    private static final String NUMBER = "+8613800138000";
    private static final Dialplan WAITING = Dialplan.parse("[out]\nexten => s,1,Wait(5)\n same => n,Hangup()\n");

    @Test
    void aCalleeIsAnsweredExactlyInTheLocalHoursOfTheWeekTheirAnswerProbabilityIsOne() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        StringBuilder hours = new StringBuilder();
        for (int h = 0; h < 168; h++) {
            int hourOfDay = h % 24;
            hours.append(h == 0 ? "" : ",").append(hourOfDay >= 9 && hourOfDay < 21 ? "1" : "0");
        }
        Population population = Population.parse("{\"phone\":\"" + NUMBER + "\",\"timeZone\":\"Asia/Shanghai\","
                + "\"answer\":[" + hours + "],\"answerDelaySeconds\":{\"min\":1,\"max\":1}}", "hours");
        try (TrafficSim sim = new TrafficSim(WAITING, VirtualClock.DEFAULT_START)) {
            sim.start(TrafficPlan.seeded(1).withPopulation(population));
            List<CompletableFuture<OriginateOutcome>> outcomes = new ArrayList<>();
            List<Instant> dialedAt = new ArrayList<>();
            for (int hour = 0; hour < 168; hour++) {
                dialedAt.add(sim.clock.now());
                outcomes.add(sim.pbx.originate(dial().withTimeout(Duration.ofSeconds(20))));
                sim.run(Duration.ofHours(1));
            }

            for (int i = 0; i < outcomes.size(); i++) {
                int localHour = dialedAt.get(i).atZone(shanghai).getHour();
                boolean day = localHour >= 9 && localHour < 21;
                assertThat(outcomes.get(i).join().reason())
                        .as("dial at %s (local hour %d)", dialedAt.get(i), localHour)
                        .isEqualTo(day ? OriginateOutcome.ANSWERED : OriginateOutcome.NO_ANSWER);
            }
        }
    }

    @Test
    void aCalleeWhoIsAlwaysBusyGetsBusy() {
        try (TrafficSim sim = withCallee("\"answer\":1,\"busy\":1")) {
            CompletableFuture<OriginateOutcome> outcome = sim.pbx.originate(dial());
            sim.run(Duration.ofSeconds(5));

            assertThat(outcome.join().reason()).isEqualTo(OriginateOutcome.BUSY);
        }
    }

    @Test
    void theRingTimeBeforeAnAnswerIsWithinTheCalleesDelay() {
        try (TrafficSim sim = withCallee("\"answer\":1,\"answerDelaySeconds\":{\"min\":5,\"max\":8}")) {
            Instant dialed = sim.clock.now();
            CompletableFuture<OriginateOutcome> outcome = sim.pbx.originate(dial());
            sim.run(Duration.ofSeconds(10));

            assertThat(outcome.join().answered()).isTrue();
            Instant answered = sim.timed(named("Newstate").and(e -> "Up".equals(e.get("ChannelStateDesc"))))
                    .get(0).at();
            assertThat(Duration.between(dialed, answered)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(8));
        }
    }

    @Test
    void aMachineIsReportedByAmdAsAMachine() {
        try (TrafficSim sim = withCallee("\"answer\":1,\"machine\":1")) {
            sim.pbx.originate(dialIntoPlatform());
            sim.run(Duration.ofSeconds(30));

            assertThat(sim.events(userEvent("AmdResult")).get(0).get("Status")).isEqualTo("MACHINE");
        }
    }

    @Test
    void aPersonNobodyConnectsHangsUpAfterTwoSecondsOfSilenceAfterTheirGreeting() {
        try (TrafficSim sim = withCallee("\"answer\":1,\"answerDelaySeconds\":{\"min\":4,\"max\":4}")) {
            Instant dialed = sim.clock.now();
            sim.pbx.originate(dialIntoPlatform());
            sim.run(Duration.ofSeconds(30));

            assertThat(sim.events(userEvent("AmdResult")).get(0).get("Status")).isEqualTo("HUMAN");
            Instant hungUp = sim.timed(named("HangupRequest")).get(0).at();
            assertThat(Duration.between(dialed, hungUp)).isEqualTo(Duration.ofMillis(4000 + 1100 + 2000));
            assertThat(sim.traffic.stats().outboundHungUpOnSilence()).isEqualTo(1);
        }
    }

    @Test
    void aPersonConnectedToAnAgentTalksForTheirTalkTimeAndHangsUp() {
        try (TrafficSim sim = withCallee("\"answer\":1,\"talkSeconds\":{\"mean\":60,\"sd\":0}")) {
            sim.pbx.registerEndpoint("PJSIP/2001", call -> call.answer());
            sim.pbx.subscribe(event -> {
                if ("OutboundLive".equals(event.get("UserEvent"))) {
                    sim.pbx.redirect(event.get("Channel"), "cti-agent-connect", "2001", 1);
                }
            });
            sim.pbx.originate(dialIntoPlatform());
            sim.run(Duration.ofMinutes(5));

            Instant bridged = sim.timed(named("BridgeEnter")).get(0).at();
            Instant hungUp = sim.timed(named("HangupRequest")).get(0).at();
            assertThat(Duration.between(bridged, hungUp)).isEqualTo(Duration.ofSeconds(60));
            assertThat(sim.events(userEvent("OutboundAbandon"))).isEmpty();
        }
    }

    @Test
    void aNumberNotInThePopulationIsNotInService() {
        try (TrafficSim sim = withCallee("\"answer\":1")) {
            CompletableFuture<OriginateOutcome> outcome = sim.pbx.originate(OriginateRequest
                    .toExtension("PJSIP/+4930999999@trunk", "out", "s", 1));
            sim.run(Duration.ofSeconds(5));

            assertThat(outcome.join().reason()).isEqualTo(OriginateOutcome.HANGUP);
            assertThat(sim.events(named("Hangup")).get(0).get("Cause")).isEqualTo("1");
        }
    }

    /** A simulator whose trunk reaches one callee with these fields (besides phone and time zone). */
    private static TrafficSim withCallee(String fields) {
        TrafficSim sim = new TrafficSim(mixed(), VirtualClock.DEFAULT_START);
        sim.start(TrafficPlan.seeded(1).withPopulation(Population.parse("{\"phone\":\"" + NUMBER
                + "\",\"timeZone\":\"UTC\"," + fields + "}", "test")));
        return sim;
    }

    /** The platform dialplan plus a context that just waits. */
    private static Dialplan mixed() {
        try {
            return Dialplan.parse(new String(Dialplan.class.getResourceAsStream("extensions_cti.conf").readAllBytes(),
                    StandardCharsets.UTF_8) + "\n[out]\nexten => s,1,Wait(5)\n same => n,Hangup()\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OriginateRequest dial() {
        return OriginateRequest.toExtension("PJSIP/" + NUMBER + "@trunk", "out", "s", 1);
    }

    private static OriginateRequest dialIntoPlatform() {
        return OriginateRequest.toExtension("PJSIP/" + NUMBER + "@trunk", "cti-outbound", "s", 1);
    }
}
