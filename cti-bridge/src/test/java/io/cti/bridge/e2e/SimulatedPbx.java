package io.cti.bridge.e2e;

import io.cti.bridge.CtiBridge;
import io.cti.bridge.actions.CallControlSettings;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.connection.AmiLinkState;
import io.cti.bridge.events.TranslatorSettings;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentPhoneState;
import io.cti.core.messages.DomainEvent;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiServer;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.EndpointBehaviour;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.calls.Pbx;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The bridge and an embedded pbx-sim running the platform dialplan (config/asterisk/extensions_cti.conf), joined by
 * a real AMI connection on loopback: what the bridge published, what pbx-sim raised, and every byte pbx-sim
 * received. Agents' phones and the customer trunk are endpoints the test registers. Thread-safe.
 */
final class SimulatedPbx implements AutoCloseable {

    static final String USER = "cti";
    static final String SECRET = "cti-secret";
    static final String CUSTOMER = "+4930123456";
    static final String SUPPORT_NUMBER = "5550100";

    final Simulator sim;
    final CtiBridge bridge;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    final List<ManagerEvent> raised = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private SimulatedPbx(Duration backoff, UnaryOperator<SimulatorConfig> configure) {
        sim = Simulator.start(configure.apply(SimulatorConfig.embedded(List.of(new AmiUser(USER, SECRET)))));
        sim.pbx().subscribe(raised::add);
        server().tap((client, bytes) -> {
            synchronized (received) {
                received.writeBytes(bytes);
            }
        });
        AmiLinkSettings link = new AmiLinkSettings("127.0.0.1", sim.port(), USER, SECRET, "on",
                Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofSeconds(3), Duration.ofMillis(500),
                Duration.ofMillis(1500), Duration.ofSeconds(3), backoff, backoff);
        TranslatorSettings defaults = TranslatorSettings.defaults();
        TranslatorSettings translator = new TranslatorSettings(Duration.ofMillis(300), defaults.agentDevicePattern(),
                QueueName.of("default"), defaults.holdingContexts(), defaults.queueVariable(), 1000, Duration.ofMinutes(2));
        bridge = new CtiBridge(link, translator, CallControlSettings.defaults(), published::add, registry);
    }

    /** Started, with the link up and its first resync applied. */
    static SimulatedPbx started() {
        return started(Duration.ofMillis(20));
    }

    /** As {@link #started()}, reconnecting after exactly {@code backoff} whenever the link is lost. */
    static SimulatedPbx started(Duration backoff) {
        return started(backoff, UnaryOperator.identity());
    }

    /** As {@link #started()}, on a simulator configured by {@code configure} (traffic, clock). */
    static SimulatedPbx started(UnaryOperator<SimulatorConfig> configure) {
        return started(Duration.ofMillis(20), configure);
    }

    private static SimulatedPbx started(Duration backoff, UnaryOperator<SimulatorConfig> configure) {
        SimulatedPbx fixture = new SimulatedPbx(backoff, configure);
        fixture.bridge.start();
        fixture.awaitLinkUpAndResynced(1);
        return fixture;
    }

    Pbx pbx() {
        return sim.pbx();
    }

    AmiServer server() {
        return sim.server().orElseThrow();
    }

    /** An agent phone that rings, then is picked up at once. */
    void agentAnswering(String device) {
        pbx().registerEndpoint(device, call -> {
            call.ringing();
            call.answer();
        }).join();
    }

    /** An agent phone that rings until the dialplan gives up (RONA). */
    void agentNotAnswering(String device) {
        pbx().registerEndpoint(device, call -> call.ringing()).join();
    }

    void endpoint(String device, EndpointBehaviour behaviour) {
        pbx().registerEndpoint(device, behaviour).join();
    }

    /** A customer calls the support number from {@code number}: answers the customer's channel. */
    ChannelSnapshot inboundCall(String number) {
        return pbx().inboundCall(InboundCall.of("PJSIP", "carrier", new Party(number, ""), "cti-inbound",
                SUPPORT_NUMBER)).join();
    }

    /** Waits for the link to have logged in {@code logins} times in all and that login's resync to be applied. */
    void awaitLinkUpAndResynced(int logins) {
        await().atMost(Duration.ofSeconds(15)).until(() -> logins() >= logins
                && bridge.linkState() == AmiLinkState.UP && bridge.lastResync().isDone());
    }

    int logins() {
        return (int) registry.get("cti.bridge.ami.link.logins").counter().count();
    }

    /** The domain events published so far, device states left out. */
    List<DomainEvent> callEvents() {
        return published.stream().filter(event -> !(event instanceof AgentPhoneState)).toList();
    }

    <T extends DomainEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<DomainEvent> eventsOf(CallId callId) {
        return callEvents().stream().filter(event -> callId.equals(callIdOf(event))).toList();
    }

    /** The calls live in pbx-sim, by Linkedid (the bridge's CallId). */
    Set<String> liveCalls() {
        return pbx().channels().join().stream().map(ChannelSnapshot::linkedid).collect(Collectors.toSet());
    }

    /** Everything AMI clients sent pbx-sim, as text. */
    String receivedByPbx() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    static CallId callIdOf(DomainEvent event) {
        try {
            Object value = event.getClass().getMethod("callId").invoke(event);
            return value instanceof CallId id ? id : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    @Override
    public void close() {
        bridge.close();
        sim.close();
    }
}
