package io.cti.bridge.e2e;

import io.cti.bridge.connection.AmiLinkState;
import io.cti.core.messages.CallArrived;
import io.cti.pbxsim.calls.ChannelSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Frames no Asterisk sends, written by pbx-sim into the bridge's live connection: each is logged and skipped
 * (unknown types counted), and the calls that follow are translated as if nothing happened.
 */
class MalformedFramesOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatedPbx pbx;

    @BeforeEach
    void start() {
        pbx = SimulatedPbx.started();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void unknownEventTypesAreCountedAndSkipped() {
        inject("Event: NoSuchEventType\r\nFoo: bar\r\n\r\n"
                + "Event: UserEvent\r\nUserEvent: NoSuchUserEvent\r\nChannel: PJSIP/x-00000001\r\n\r\n");

        await().atMost(WAIT).until(() -> unknown() >= 2);
        assertThatTheNextCallIsTranslated();
    }

    @Test
    void truncatedFramesAreSkipped() {
        // Frames cut short: missing the headers that name a channel, or cut in the middle of a line.
        inject("Event: Hangup\r\nCause: 16\r\n\r\n"
                + "Event: DialBegin\r\nDestChannel: PJSIP/2001-0000\r\n\r\n"
                + "Event: Newchannel\r\nChannel: PJSIP/carrier-0\r\nUniqu\r\n\r\n"
                + "Event: Hangup\r\nCause: not-a-number\r\nChannel: PJSIP/y-00000002\r\n\r\n");

        assertThatTheNextCallIsTranslated();
    }

    @Test
    void aFrameCutOffByTheConnectionClosingIsForgottenAndTheLinkComesBack() {
        int logins = pbx.logins();
        inject("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/carrier-000000ff\r\nUniq");
        pbx.server().dropConnections();
        pbx.awaitLinkUpAndResynced(logins + 1);

        assertThatTheNextCallIsTranslated();
    }

    @Test
    void garbageBytesAreSkipped() {
        byte[] garbage = new byte[20_000];
        new Random(11).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            // Control bytes that end lines are kept rare so that the garbage holds long nonsense lines.
            if (garbage[i] == '\n' && i % 7 != 0) {
                garbage[i] = 'x';
            }
        }
        pbx.server().writeRawToClients(garbage);
        inject("\r\n\r\n");

        assertThatTheNextCallIsTranslated();
    }

    @Test
    void anOversizedFrameIsSkipped() {
        inject("Event: VarSet\r\nChannel: PJSIP/z-00000003\r\nVariable: HUGE\r\nValue: " + "v".repeat(2_000_000)
                + "\r\n\r\n");
        StringBuilder manyHeaders = new StringBuilder("Event: VarSet\r\n");
        for (int i = 0; i < 20_000; i++) {
            manyHeaders.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
        }
        inject(manyHeaders.append("\r\n").toString());

        assertThatTheNextCallIsTranslated();
    }

    private void inject(String frames) {
        pbx.server().writeRawToClients(frames.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A call placed now arrives whole, under its own id; the link recovered (or never went down). */
    private void assertThatTheNextCallIsTranslated() {
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.published(CallArrived.class)).singleElement()
                .satisfies(arrived -> {
                    assertThat(arrived.callId().value()).isEqualTo(customer.linkedid());
                    assertThat(arrived.channel()).isEqualTo(customer.name());
                    assertThat(arrived.queue().value()).isEqualTo("support");
                }));
        assertThat(pbx.bridge.linkState()).isEqualTo(AmiLinkState.UP);
    }

    private double unknown() {
        return pbx.registry.get("cti.bridge.ami.events").tags("outcome", "unknown", "type", "unregistered")
                .counter().count();
    }
}
