package io.cti.bridge.connection;

import io.cti.bridge.testing.ScriptedAmiPeer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * asterisk-java 3.41 queues at most 20,000 events for its one dispatch thread and drops the rest with a log line;
 * the link counts every such drop in {@code cti.bridge.ami.dropped}.
 */
class DroppedEventsTest {

    /** AsyncEventPump's queue capacity in asterisk-java 3.41.0. */
    private static final int PUMP_CAPACITY = 20_000;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger delivered = new AtomicInteger();
    private ScriptedAmiPeer peer;
    private AmiLink link;

    @BeforeEach
    void startPeer() throws IOException {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (link != null) {
            link.close();
        }
        peer.close();
    }

    @Test
    void eventsAsteriskJavaDropsFromItsFullDispatchQueueAreCountedExactly() throws Exception {
        // A bare connection, without the link's keep-alive: a ping answer stuck behind the stalled queue would
        // (rightly) end the link before the test is done.
        CountingLoss loss = new CountingLoss();
        RetirableConnection connection = AmiConnections.connectionFor(patientSettings(peer.port()), List.of(),
                EventTypes.of(List.of()), loss);
        StallingListener stalling = new StallingListener();
        connection.addEventListener(stalling::onEvent);
        connection.login("on");
        try {
            // The listener stalls on the first VarSet: the dispatch thread holds it while the rest pile up.
            int sent = PUMP_CAPACITY + 1 + 750;
            peer.emit(varSets(sent));
            // Frames of an unknown type are counted by the reader as it reads them, in order: once all are
            // counted, every VarSet before them was offered to the queue.
            peer.emit(unknownEvents(10));
            await().atMost(Duration.ofSeconds(60)).until(() -> loss.unregistered.get() == 10);
            release.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() == PUMP_CAPACITY + 1);
            // A drop shows as a gap in the numbers, seen when the next event arrives.
            peer.emit(varSets(1));

            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() + loss.dropped.get() == sent + 1);
            assertThat(loss.dropped.get()).isEqualTo(750);
            assertThat(delivered.get()).isEqualTo(PUMP_CAPACITY + 2);
        } finally {
            release.countDown();
            connection.retire();
        }
    }

    @Test
    void theLinkCountsNoDropWhenItsListenerKeepsUp() {
        link = new AmiLink(patientSettings(peer.port()), new CountingListener(), List.of(), registry);
        link.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);

        peer.emit(varSets(5_000));
        peer.emit(unknownEvents(3));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.get() == 5_000 && unregistered() == 3);
        assertThat(dropped()).isZero();
    }

    private double dropped() {
        return registry.get("cti.bridge.ami.dropped").counter().count();
    }

    private double unregistered() {
        return registry.get("cti.bridge.ami.events").tags("outcome", "unknown", "type", "unregistered").counter().count();
    }

    /** {@code count} VarSet frames as one emit: the last frame's blank line is added by the peer. */
    private static String varSets(int count) {
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                frames.append("\r\n\r\n");
            }
            frames.append("Event: VarSet\r\nPrivilege: dialplan,all\r\nChannel: PJSIP/trunk-00000001\r\n")
                    .append("Uniqueid: 1.1\r\nLinkedid: 1.1\r\nVariable: N\r\nValue: ").append(i);
        }
        return frames.toString();
    }

    private static String unknownEvents(int count) {
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                frames.append("\r\n\r\n");
            }
            frames.append("Event: NoSuchEventType\r\nIndex: ").append(i);
        }
        return frames.toString();
    }

    /** Keep-alive slow enough not to trip while the dispatch thread is held on purpose. */
    private static AmiLinkSettings patientSettings(int port) {
        return new AmiLinkSettings("127.0.0.1", port, "cti", "cti-secret", "on", Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(4),
                Duration.ofSeconds(9), Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private static final class CountingLoss implements EventLoss {
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong unregistered = new AtomicLong();

        @Override
        public void dropped(long count) {
            dropped.addAndGet(count);
        }

        @Override
        public void unregistered(String type) {
            unregistered.incrementAndGet();
        }
    }

    private class CountingListener implements LinkListener {
        @Override
        public void onEvent(ManagerEvent event) {
            if (event instanceof VarSetEvent) {
                delivered.incrementAndGet();
            }
        }
    }

    /** A deliberately blocking listener, standing in for an overloaded one. */
    private final class StallingListener extends CountingListener {
        @Override
        public void onEvent(ManagerEvent event) {
            super.onEvent(event);
            if (event instanceof VarSetEvent && delivered.get() == 1) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
