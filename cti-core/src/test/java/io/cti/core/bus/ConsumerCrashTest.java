package io.cti.core.bus;

import io.cti.core.messages.CustomerRegistered;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsumerCrashTest extends BusTestBase {

    private static final String GROUP = "acd-router";
    private static final int MESSAGES = 24;

    private Process child;
    private Path childLog;

    @AfterEach
    void killChild() throws IOException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (childLog != null) {
            Files.deleteIfExists(childLog);
        }
    }

    @Test
    void aConsumerKilledMidStreamLosesNothingBecauseASurvivorClaimsItsPendingEntries() throws Exception {
        RedisStreamsBus bus = bus(fastOptions()
                .claimMinIdle(Duration.ofMillis(1500))
                .claimInterval(Duration.ofMillis(250))
                .build());
        List<CustomerRegistered> sent = registrations(MESSAGES);
        sent.forEach(bus::publish);
        Set<String> published = sent.stream().map(m -> m.id().toString()).collect(Collectors.toSet());
        String handledByChild = prefix + "handled-by-doomed";

        child = startDoomedConsumer(handledByChild, 150);
        try {
            // Kill it while it has entries in hand: some handled, more read but not yet acknowledged.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                    probe.redis().scard(handledByChild) >= 3
                            && probe.pendingOf(events(), GROUP, DoomedConsumerMain.CONSUMER) >= 2);
        } catch (RuntimeException e) {
            throw new AssertionError("the doomed consumer never got going; its output:\n" + Files.readString(childLog), e);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long abandoned = probe.pendingOf(events(), GROUP, DoomedConsumerMain.CONSUMER);
        assertThat(abandoned).as("entries the dead consumer left pending").isPositive();
        assertThat(probe.redis().scard(handledByChild)).isLessThan(MESSAGES);

        Queue<String> handledBySurvivor = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder(GROUP, "survivor").streams(BusStream.EVENTS).build(),
                message -> handledBySurvivor.add(message.id().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Set<String> handled = new HashSet<>(probe.redis().smembers(handledByChild));
            handled.addAll(handledBySurvivor);
            return handled.equals(published) && probe.pending(events(), GROUP) == 0;
        });
        assertThat(count(BusMetrics.CLAIMED, GROUP)).isGreaterThanOrEqualTo(abandoned);
        assertThat(probe.pendingOf(events(), GROUP, DoomedConsumerMain.CONSUMER)).isZero();
    }

    @Test
    void aConsumerKilledMidBatchLeavesTheWholeBatchPendingAndTheSurvivorHandlesEveryMessage() throws Exception {
        RedisStreamsBus bus = bus(fastOptions()
                .claimMinIdle(Duration.ofMillis(500))
                .claimInterval(Duration.ofMillis(250))
                .build());
        List<CustomerRegistered> sent = registrations(MESSAGES);
        sent.forEach(bus::publish);
        Set<String> published = sent.stream().map(m -> m.id().toString()).collect(Collectors.toSet());
        String handledByChild = prefix + "handled-by-doomed";

        // One batch holds every message; its handler hangs after the fifth, so it dies with the batch half done.
        child = startDoomedConsumer(handledByChild, 1, Integer.toString(MESSAGES), "5");
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                    probe.redis().scard(handledByChild) == 5);
        } catch (RuntimeException e) {
            throw new AssertionError("the doomed consumer never got going; its output:\n" + Files.readString(childLog), e);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // Handled or not, nothing of the unfinished batch was acknowledged.
        assertThat(probe.pendingOf(events(), GROUP, DoomedConsumerMain.CONSUMER)).isEqualTo(MESSAGES);

        Queue<String> handledBySurvivor = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder(GROUP, "survivor").streams(BusStream.EVENTS).build(),
                message -> handledBySurvivor.add(message.id().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> probe.pending(events(), GROUP) == 0);
        // The five the dead consumer handled had no marker yet, so the survivor handles them again: at least once.
        assertThat(new HashSet<>(handledBySurvivor)).isEqualTo(published);
        assertThat(handledBySurvivor).hasSize(MESSAGES);
        assertThat(count(BusMetrics.CLAIMED, GROUP)).isEqualTo(MESSAGES);
    }

    private Process startDoomedConsumer(String handledSet, long millisPerMessage, String... more) throws IOException {
        childLog = Files.createTempFile("doomed-consumer", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                DoomedConsumerMain.class.getName(),
                EmbeddedServers.shared().redisUri(), prefix, GROUP, handledSet, Long.toString(millisPerMessage)));
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile())
                .start();
    }
}
