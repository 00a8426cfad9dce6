package io.cti.pbxsim.traffic;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.cti.pbxsim.traffic.TrafficSim.named;
import static io.cti.pbxsim.traffic.TrafficSim.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Inbound callers through the platform dialplan: who calls, where they wait, when they give up. */
class InboundTrafficTest {

    private static final List<String> CUSTOMERS = List.of("+4930100001", "+4930100002", "+4930100003",
            "+4930100004", "+4930100005");

    @Test
    void everyArrivalIsACallAnnouncedInItsQueue() {
        try (TrafficSim sim = new TrafficSim()) {
            Traffic traffic = sim.start(TrafficPlan.seeded(3).withQueues(List.of(
                    InboundQueue.poisson("support", "5550100", 120).withPatience(Delay.fixed(20)))));
            sim.run(Duration.ofHours(2));

            List<String> skills = sim.events(userEvent("AcdEnter")).stream().map(e -> e.get("Skill")).toList();
            assertThat(skills).hasSize((int) traffic.stats().inboundCalls()).containsOnly("support");
            assertThat(traffic.stats().inboundCalls()).isBetween(200L, 280L);
        }
    }

    @Test
    void callerNumbersComeFromTheCustomerListExceptTheUnknownShare() {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(4)
                    .withQueues(List.of(InboundQueue.poisson("support", "5550100", 600).withPatience(Delay.fixed(5))))
                    .withCallers(new CallerNumbers(CUSTOMERS, 0.3)));
            sim.run(Duration.ofHours(4));

            List<String> numbers = sim.events(userEvent("AcdEnter")).stream().map(e -> e.get("CallerIDNum")).toList();
            long unknown = numbers.stream().filter(number -> !CUSTOMERS.contains(number)).count();
            assertThat(numbers).hasSizeGreaterThan(2_000);
            assertThat((double) unknown / numbers.size()).isBetween(0.26, 0.34);
            assertThat(numbers.stream().filter(number -> !CUSTOMERS.contains(number)))
                    .allMatch(number -> number.matches("\\+1555\\d{7}"));
            assertThat(Set.copyOf(numbers)).containsAll(CUSTOMERS);
        }
    }

    @Test
    void aCallerNobodyAnswersHangsUpWhenTheirPatienceRunsOut() {
        try (TrafficSim sim = new TrafficSim()) {
            Traffic traffic = sim.start(TrafficPlan.seeded(5).withQueues(List.of(
                    InboundQueue.poisson("support", "5550100", 30).withPatience(Delay.fixed(45)))));
            sim.run(Duration.ofHours(1));

            Instant arrived = sim.timed(named("Newchannel")).get(0).at();
            Instant gaveUp = sim.timed(named("HangupRequest")).get(0).at();
            assertThat(Duration.between(arrived, gaveUp)).isEqualTo(Duration.ofSeconds(45));
            assertThat(traffic.stats().inboundAbandoned()).isPositive();
        }
    }

    @Test
    void ivrCallersKeyTheirQueuesDigits() {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(6).withQueues(List.of(
                    InboundQueue.poisson("ivr-sales", "5550000", 60).withDigits("2").withPatience(Delay.fixed(60)))));
            sim.run(Duration.ofHours(1));

            assertThat(sim.events(userEvent("AcdEnter"))).isNotEmpty()
                    .allMatch(event -> "sales".equals(event.get("Skill")));
        }
    }

    @Test
    void ivrCallersDrawTheirChoicesFromTheSeededMix() {
        List<String> first = ivrChoicesOfAnHour(7);

        assertThat(first).hasSizeGreaterThan(150).containsOnly("1 support", "2 sales", "no choice - support");
        long sales = first.stream().filter("2 sales"::equals).count();
        long nothing = first.stream().filter("no choice - support"::equals).count();
        // 60 %, 30 % and 10 % of about 240 callers; four standard deviations either way.
        assertThat((double) sales / first.size()).isBetween(0.18, 0.42);
        assertThat((double) nothing / first.size()).isBetween(0.02, 0.18);
        assertThat(ivrChoicesOfAnHour(7)).as("the same seed, the same callers").isEqualTo(first);
        assertThat(ivrChoicesOfAnHour(8)).as("another seed, other callers").isNotEqualTo(first);
    }

    @Test
    void aCallerWhoAskedForACallbackAnswersThePlatformsCallbackTalksAndHangsUp() {
        try (TrafficSim sim = new TrafficSim()) {
            Traffic traffic = sim.start(TrafficPlan.seeded(9)
                    .withQueues(List.of(InboundQueue.poisson("ivr", "5550000", 60).withIvrChoices(IvrChoices.of("9", 1))))
                    .withCallers(new CallerNumbers(CUSTOMERS, 0))
                    .withCallbacks(new CallbackAnswering(1, 0, Delay.fixed(4), Delay.fixed(30))));
            sim.pbx.registerEndpoint("PJSIP/2001", io.cti.pbxsim.calls.EndpointCall::answer).join();
            sim.run(Duration.ofMinutes(10));
            String number = sim.events(userEvent("AcdCallback")).get(0).get("Number");
            traffic.stop();

            sim.pbx.originate(io.cti.pbxsim.calls.OriginateRequest.toExtension("PJSIP/2001", "cti-callback", "s", 1)
                    .withChannelId("cb-1-1").withVariables(java.util.Map.of("CTI_CALLBACK_NUMBER", number,
                            "CTI_CALLBACK_TRUNK", "trunk"))).join();
            sim.run(Duration.ofMinutes(2));

            TrafficSim.Timed bridged = sim.timed(event -> event.name().equals("BridgeEnter")
                    && "cb-1-1".equals(event.get("Linkedid")) && event.get("Channel").startsWith("PJSIP/trunk-")).get(0);
            String customer = bridged.event().get("Channel");
            Instant hungUp = sim.timed(event -> event.name().equals("Hangup") && customer.equals(event.get("Channel")))
                    .get(0).at();
            assertThat(Duration.between(bridged.at(), hungUp)).isEqualTo(Duration.ofSeconds(30));
            assertThat(traffic.stats().callbackRequests()).isPositive();
            assertThat(traffic.stats().callbackDials()).isEqualTo(1);
            assertThat(traffic.stats().callbackAnswered()).isEqualTo(1);
            assertThat(sim.events(userEvent("AcdCallbackResult"))).singleElement()
                    .satisfies(result -> assertThat(result.get("DialStatus")).isEqualTo("ANSWER"));
        }
    }

    @Test
    void aNumberThatAskedForNoCallbackIsNotInServiceOnTheTrunk() {
        try (TrafficSim sim = new TrafficSim()) {
            Traffic traffic = sim.start(TrafficPlan.seeded(10).withCallbacks(CallbackAnswering.usual()));
            sim.pbx.registerEndpoint("PJSIP/2001", io.cti.pbxsim.calls.EndpointCall::answer).join();

            sim.pbx.originate(io.cti.pbxsim.calls.OriginateRequest.toExtension("PJSIP/2001", "cti-callback", "s", 1)
                    .withVariables(java.util.Map.of("CTI_CALLBACK_NUMBER", "+4930999999",
                            "CTI_CALLBACK_TRUNK", "trunk"))).join();
            sim.run(Duration.ofMinutes(1));

            assertThat(sim.events(userEvent("AcdCallbackResult"))).singleElement()
                    .satisfies(result -> assertThat(result.get("DialStatus")).isEqualTo("CHANUNAVAIL"));
            assertThat(traffic.stats().outboundUnknownNumbers()).isEqualTo(1);
            assertThat(traffic.stats().callbackDials()).isZero();
        }
    }

    private static List<String> ivrChoicesOfAnHour(long seed) {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(TrafficPlan.seeded(seed).withQueues(List.of(InboundQueue.poisson("ivr", "5550000", 240)
                    .withIvrChoices(IvrChoices.of("1", 60, "2", 30, "", 10)).withPatience(Delay.fixed(30)))));
            sim.run(Duration.ofHours(1));
            return sim.events(userEvent("AcdEnter")).stream().map(event -> event.get("Ivr")).toList();
        }
    }
}
