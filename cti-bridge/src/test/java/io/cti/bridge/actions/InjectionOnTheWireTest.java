package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import io.cti.bridge.connection.AmiLink;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.connection.AmiLinkState;
import io.cti.bridge.testing.ScriptedAmiPeer;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.OriginateToCustomer;
import io.cti.core.messages.SetVariable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.action.SetVarAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Over a real socket: a command carrying CR/LF in any field is refused, and not one byte of it is written. */
class InjectionOnTheWireTest {

    private static final CallId CALL = CallId.of("1.1");
    private static final String EVIL = "Evil\r\n\r\nAction: UserEvent\r\nUserEvent: Injected";

    private ScriptedAmiPeer peer;
    private AmiLink link;
    private CallControl control;

    @BeforeEach
    void connect() throws IOException {
        peer = new ScriptedAmiPeer();
        AmiLinkSettings settings = new AmiLinkSettings("127.0.0.1", peer.port(), "cti", "cti-secret", "on",
                Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofMillis(20), Duration.ofMillis(200));
        link = new AmiLink(settings, event -> { }, List.of(), new SimpleMeterRegistry());
        link.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.state() == AmiLinkState.UP);
        control = new CallControl(new GuardedGateway(link), new FixedCalls(Map.of(CALL, "PJSIP/carrier-00000001"),
                Map.of()), CallControlSettings.defaults(), settings.actionTimeout());
    }

    @AfterEach
    void close() throws IOException {
        link.close();
        peer.close();
    }

    @Test
    void aRefusedCommandPutsNothingOnTheWire() {
        assertThatThrownBy(() -> control.execute(OriginateToCustomer.now("carrier", "+4930123456", EVIL,
                Duration.ofSeconds(20), Map.of(), true))).isInstanceOf(BridgeException.class);
        assertThatThrownBy(() -> control.execute(OriginateToCustomer.now("carrier", "+4930123456", "ACME",
                Duration.ofSeconds(20), Map.of("CUSTOMER_NAME", EVIL), true))).isInstanceOf(BridgeException.class);
        assertThatThrownBy(() -> control.execute(ConnectToAgent.now(CALL, AgentId.of("alice"), "2001\nAction: Hangup",
                Duration.ofSeconds(15)))).isInstanceOf(BridgeException.class);
        assertThatThrownBy(() -> control.execute(SetVariable.now(CALL, "CTI_NOTE", EVIL)))
                .isInstanceOf(BridgeException.class);
        // Anything else sent through the guarded gateway is checked too, and refused without being written.
        assertThat(new GuardedGateway(link).send(new SetVarAction("PJSIP/carrier-00000001", "A", EVIL)))
                .isCompletedExceptionally();

        // A harmless command afterwards proves the link works and marks the end of what the peer received.
        control.execute(SetVariable.now(CALL, "CTI_NOTE", "after")).join();

        String wire = peer.receivedByAll();
        assertThat(wire).doesNotContain("Evil", "Injected", "UserEvent", "Hangup", "Originate", "Redirect");
        assertThat(wire).contains("after");
        assertThat(Set.copyOf(peer.actionsReceived())).isSubsetOf("Challenge", "Login", "CoreSettings", "Ping", "SetVar");
        assertThat(peer.actionsReceived()).filteredOn("SetVar"::equals).hasSize(1);
    }
}
