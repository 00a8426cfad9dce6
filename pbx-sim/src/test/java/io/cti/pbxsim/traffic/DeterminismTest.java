package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.ManagerEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole traffic plan on the virtual clock: the seed alone decides the run, event for event. */
class DeterminismTest {

    private static final String POPULATION = String.join("\n",
            "{\"phone\":\"+8613800138000\",\"timeZone\":\"Asia/Shanghai\",\"answer\":0.6,\"machine\":0.3,"
                    + "\"busy\":0.1}",
            "{\"phone\":\"+4930123456\",\"timeZone\":\"Europe/Berlin\",\"answer\":0.5,\"machine\":0.2,"
                    + "\"busy\":0.05,\"talkSeconds\":{\"mean\":90,\"sd\":60}}",
            "{\"phone\":\"+12125550123\",\"timeZone\":\"America/New_York\",\"answer\":0.7,"
                    + "\"answerDelaySeconds\":{\"min\":2,\"max\":10}}");

    @Test
    void theSameSeedGivesTheSameEventSequence() {
        List<String> first = run(42);
        List<String> second = run(42);

        assertThat(first).hasSizeGreaterThan(1_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertThat(run(43)).isNotEqualTo(run(42));
    }

    @Test
    void everyKindOfCallHappensInTheRun() {
        try (TrafficSim sim = new TrafficSim()) {
            Traffic traffic = sim.start(plan(42));
            sim.run(Duration.ofHours(1));

            TrafficStats stats = traffic.stats();
            assertThat(stats.inboundConnected()).isPositive();
            assertThat(stats.outboundBusy()).isPositive();
            assertThat(stats.outboundNoAnswer()).isPositive();
            assertThat(stats.outboundMachines()).isPositive();
            assertThat(stats.outboundHumans()).isPositive();
            assertThat(stats.outboundConnected()).isPositive();
        }
    }

    /** One hour of the plan, every event rendered with its simulated time. */
    private static List<String> run(long seed) {
        try (TrafficSim sim = new TrafficSim()) {
            sim.start(plan(seed));
            sim.run(Duration.ofHours(1));
            return sim.timed(event -> true).stream()
                    .map(timed -> timed.at() + " " + render(timed.event()))
                    .toList();
        }
    }

    private static TrafficPlan plan(long seed) {
        return TrafficPlan.demo(seed, List.of("+4930100001", "+4930100002", "+4930100003"), 40)
                .withPopulation(Population.parse(POPULATION, "test"))
                .withDialing(OutboundDialing.perHour(60))
                .withAutoRoute(true);
    }

    private static String render(ManagerEvent event) {
        StringBuilder out = new StringBuilder(event.name());
        event.fields().forEach(field -> out.append('|').append(field.name()).append('=').append(field.value()));
        return out.toString();
    }
}
