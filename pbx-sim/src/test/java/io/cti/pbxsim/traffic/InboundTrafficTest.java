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
}
