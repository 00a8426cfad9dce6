package io.cti.bridge.e2e;

import io.cti.bridge.connection.AmiLinkState;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallEnded;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the bridge learns only from the resync after a reconnect: calls that began or ended while it was away. */
class ResyncOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Long enough for a caller to reach the holding context (Answer() alone waits 500 ms) while the link is down. */
    private static final Duration BACKOFF = Duration.ofSeconds(2);

    private SimulatedPbx pbx;

    @BeforeEach
    void start() {
        pbx = SimulatedPbx.started(BACKOFF);
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void aCallerWhoStartedWaitingWhileTheLinkWasDownArrivesWithQueueAndDialedNumber() {
        int logins = pbx.logins();
        pbx.server().dropConnections();
        await().atMost(WAIT).until(() -> pbx.bridge.linkState() != AmiLinkState.UP);
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        await().atMost(WAIT).until(() -> "cti-hold".equals(pbx.pbx().channel(customer.name()).join()
                .orElseThrow().context()));
        assertThat(pbx.logins()).isEqualTo(logins);

        pbx.awaitLinkUpAndResynced(logins + 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.published(CallArrived.class)).singleElement()
                .satisfies(arrived -> {
                    assertThat(arrived.callId().value()).isEqualTo(customer.linkedid());
                    assertThat(arrived.queue().value()).isEqualTo("support");
                    assertThat(arrived.dnis()).isEqualTo(SimulatedPbx.SUPPORT_NUMBER);
                    assertThat(arrived.ani()).isEqualTo(SimulatedPbx.CUSTOMER);
                }));
    }

    @Test
    void anIvrCallerWhoStartedWaitingWhileTheLinkWasDownArrivesWithTheChoiceReadFromTheChannel() {
        int logins = pbx.logins();
        pbx.server().dropConnections();
        await().atMost(WAIT).until(() -> pbx.bridge.linkState() != AmiLinkState.UP);
        ChannelSnapshot customer = pbx.pbx().inboundCall(InboundCall.of("PJSIP", "carrier",
                new Party(SimulatedPbx.CUSTOMER, ""), "cti-inbound", "5550000").withDtmf("2")).join();
        await().atMost(WAIT).until(() -> "cti-hold".equals(pbx.pbx().channel(customer.name()).join()
                .orElseThrow().context()));

        pbx.awaitLinkUpAndResynced(logins + 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.published(CallArrived.class)).singleElement()
                .satisfies(arrived -> {
                    assertThat(arrived.queue().value()).isEqualTo("sales");
                    assertThat(arrived.ivrChoices()).containsExactly("2 sales");
                }));
    }

    @Test
    void aCallThatEndedWhileTheLinkWasDownEndsOnceAsLostDuringTheDisconnect() {
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());
        int logins = pbx.logins();
        pbx.server().dropConnections();
        await().atMost(WAIT).until(() -> pbx.bridge.linkState() != AmiLinkState.UP);
        pbx.pbx().hangupFromFarEnd(customer.name(), 16).join();

        pbx.awaitLinkUpAndResynced(logins + 1);
        // A second reconnect tells nothing more.
        pbx.server().dropConnections();
        pbx.awaitLinkUpAndResynced(logins + 2);

        assertThat(pbx.published(CallEnded.class)).singleElement().satisfies(ended -> {
            assertThat(ended.callId().value()).isEqualTo(customer.linkedid());
            assertThat(ended.causeText()).isEqualTo(CallEnded.LOST_DURING_PBX_DISCONNECT);
        });
    }
}
