package io.cti.bridge.connection;

import io.cti.bridge.BridgeException;
import io.cti.bridge.testing.ScriptedAmiPeer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AmiLinkTest {

    private ScriptedAmiPeer peer;
    private AmiLink link;
    private final RecordingListener listener = new RecordingListener();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void startPeer() throws IOException {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws IOException {
        if (link != null) {
            link.close();
        }
        peer.close();
        // Whatever the test did, closing the link leaves none of its threads (nor asterisk-java's) behind.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(bridgeThreads()).isEmpty());
    }

    @Test
    void logsInDeliversEventsAndKeepsTheLinkAliveWithAnsweredPings() {
        link = start(LinkSettings.fast(peer.port()));

        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);
        assertThat(listener.ups).hasValue(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.pingsAnswered() >= 3);
        assertThat(link.state()).isEqualTo(AmiLinkState.UP);
        assertThat(peer.logins()).isEqualTo(1);
        assertThat(listener.events).anyMatch(FullyBootedEvent.class::isInstance);
        assertThat(registry.get("cti.bridge.ami.link.up").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aSilentLinkIsNoticedWithin10SecondsWithTheProductionKeepAlive() {
        link = start(LinkSettings.productionKeepAlive(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);

        long silentAt = System.nanoTime();
        peer.fallSilent();
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.downs.isEmpty());
        Duration noticedAfter = Duration.ofNanos(System.nanoTime() - silentAt);

        assertThat(noticedAfter).isLessThan(Duration.ofSeconds(10));
        assertThat(listener.downs.get(0)).contains("keep-alive ping unanswered");
        // New connections are answered again: the link logs in anew on a fresh connection.
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP && peer.logins() == 2);
    }

    @Test
    void aBusyLinkWhosePingsGoUnansweredIsNotDeclaredDeadButFallingSilentStillIs() throws Exception {
        // Pings every 200 ms, a dead link after 1 s without reading anything.
        AmiLinkSettings fast = LinkSettings.fast(peer.port());
        AmiLinkSettings settings = new AmiLinkSettings(fast.host(), fast.port(), fast.username(), fast.secret(),
                fast.eventMask(), fast.connectTimeout(), fast.actionTimeout(), fast.listTimeout(),
                Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMillis(1500), fast.backoffInitial(),
                fast.backoffMax());
        link = start(settings);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);
        peer.ignorePings(true);

        // 3 s of events (three times the silence that kills a link), no Ping ever answered.
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int sent = 0;
        while (System.nanoTime() < end) {
            peer.emit("Event: FullyBooted", "Privilege: system,all", "Uptime: " + sent, "LastReload: 8",
                    "Status: Fully Booted");
            sent++;
            Thread.sleep(20);
        }

        assertThat(listener.downs).isEmpty();
        assertThat(link.state()).isEqualTo(AmiLinkState.UP);
        assertThat(peer.logins()).isEqualTo(1);
        assertThat(peer.pingsAnswered()).isZero();
        assertThat(peer.actionsReceived().stream().filter("Ping"::equalsIgnoreCase).count()).isGreaterThanOrEqualTo(2);
        assertThat(registry.get("cti.bridge.ami.link.lagging").counter().count()).isGreaterThanOrEqualTo(1.0);

        // The same link, fully silent now (pings unanswered and no events): declared dead.
        long silentAt = System.nanoTime();
        peer.fallSilent();
        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.downs.isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - silentAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(listener.downs.get(0)).contains("nothing read");
    }

    @Test
    void eventsReadButNotYetProcessedWhenALinkIsLostAreCounted() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        RecordingListener blocking = new RecordingListener() {
            @Override
            public void onEvent(ManagerEvent event) {
                if (!(event instanceof FullyBootedEvent booted)) {
                    return;
                }
                if ("first".equals(booted.getStatus())) {
                    try {
                        // Timed, so that retiring the connection can wake it (as it wakes a parked dispatch thread).
                        stuck.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if ("queued".equals(booted.getStatus())) {
                    handled.incrementAndGet();
                }
            }
        };
        link = new AmiLink(LinkSettings.fast(peer.port()), blocking, List.of(), registry);
        link.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);

        // The listener gets stuck on the first event; 100 more are read and wait in asterisk-java's queue.
        peer.emit("Event: FullyBooted", "Privilege: system,all", "Uptime: 1", "LastReload: 8", "Status: first");
        for (int i = 0; i < 100; i++) {
            peer.emit("Event: FullyBooted", "Privilege: system,all", "Uptime: 1", "LastReload: 8", "Status: queued");
        }
        Thread.sleep(300);
        peer.fallSilent();

        await().atMost(Duration.ofSeconds(5)).until(() -> !blocking.downs.isEmpty());
        stuck.countDown();
        // The stuck event itself had been handed over; the 100 behind it were read and thrown away, uncounted
        // nowhere else (no drop from a full queue).
        assertThat(registry.get("cti.bridge.ami.lost").counter().count()).isBetween(99.0, 101.0);
        assertThat(registry.get("cti.bridge.ami.dropped").counter().count()).isZero();
        assertThat(handled.get()).isLessThanOrEqualTo(1);
    }

    @Test
    void theSocketReadTimeoutAloneEndsASilentConnection() throws Exception {
        // Without the link's pings: only the read timeout it configures can notice the silence.
        RetirableConnection connection = AmiConnections.connectionFor(LinkSettings.fast(peer.port()), List.of());
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        connection.addEventListener(events::add);
        connection.login("on");
        try {
            peer.fallSilent();
            // Nothing but the read timeout can notice a silent peer here: without it this would wait forever.
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(DisconnectEvent.class::isInstance));
        } finally {
            connection.retire();
        }
    }

    @Test
    void twentyDropsReconnectEveryTimeAndLeaveNoThreadsBehind() {
        link = start(LinkSettings.fast(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);
        await().atMost(Duration.ofSeconds(5)).until(() -> bridgeThreads().size() >= 4);
        int baseline = bridgeThreads().size();

        for (int drop = 1; drop <= 20; drop++) {
            int logins = peer.logins();
            peer.dropAll();
            await().atMost(Duration.ofSeconds(5)).until(() -> peer.logins() > logins && link.state() == AmiLinkState.UP);
        }

        assertThat(listener.downs).hasSize(20);
        assertThat(listener.ups).hasValue(21);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bridgeThreads()).hasSize(baseline));
        assertThat(peer.openConnections()).isEqualTo(1);
    }

    @Test
    void aCallerNeverWaitsLongerThanTheActionTimeout() throws Exception {
        AmiLinkSettings settings = LinkSettings.fast(peer.port());
        link = start(settings);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);
        peer.fallSilent();

        CompletableFuture<ManagerResponse> response = link.send(new SetVarAction("PJSIP/1-00000001", "A", "b"));

        // The margin is for a loaded machine; the point is that the future fails rather than waiting forever.
        assertThatThrownBy(() -> response.get(settings.actionTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(BridgeException.class,
                        e -> assertThat(e.errorId()).isIn("ami-action-timeout", "ami-link-down"));
    }

    @Test
    void aLinkThatIsDownRefusesAtOnceAndKeepsTrying() throws IOException {
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0)) {
            closedPort = unused.getLocalPort();
        }
        link = start(LinkSettings.fast(closedPort));

        CompletableFuture<ManagerResponse> response = link.send(new SetVarAction("PJSIP/1-00000001", "A", "b"));

        assertThat(response).isCompletedExceptionally();
        assertThatThrownBy(response::join).cause().isInstanceOfSatisfying(BridgeException.class,
                e -> assertThat(e.errorId()).isEqualTo("ami-link-down"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> link.state() != AmiLinkState.UP);
    }

    @Test
    void closingStopsEveryThreadOfTheLink() {
        link = start(LinkSettings.fast(peer.port()));
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);

        link.close();

        assertThat(link.state()).isEqualTo(AmiLinkState.DOWN);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(bridgeThreads()).isEmpty());
        assertThat(peer.actionsReceived()).contains("Logoff");
    }

    private AmiLink start(AmiLinkSettings settings) {
        AmiLink started = new AmiLink(settings, listener, List.of(), registry);
        started.start();
        return started;
    }

    /** The link's own threads and asterisk-java's (reader, dispatch, reconnect); not the peer's or the JVM's. */
    private static List<String> bridgeThreads() {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().isAlive())
                .filter(e -> e.getKey().getName().startsWith("cti-ami") || e.getKey().getName().startsWith("Asterisk-Java"))
                .map(e -> e.getKey().getName() + (e.getKey().getName().contains("Pump")
                        ? " " + java.util.Arrays.toString(e.getValue()) : ""))
                .sorted().toList();
    }
}
