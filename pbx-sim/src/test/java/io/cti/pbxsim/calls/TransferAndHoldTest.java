package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An agent's phone blind-transferring its caller (AMI BlindTransfer) and putting the call on hold. */
class TransferAndHoldTest {

    private static final String DIALPLAN = """
            [in]
            exten => 100,1,Answer()
             same => n,Dial(PJSIP/2001,30)
             same => n,Hangup()
            [sales]
            exten => 300,1,NoOp(transferred)
             same => n,Wait(600)
            """;

    @Test
    void aBlindTransferRaisesBlindTransferSendsTheCallerOnAndEndsTheAgentsLeg() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointBehaviour.answering());
            ChannelSnapshot caller = sim.pbx.inboundCall(InboundCall.of("PJSIP", "carrier", new Party("5551", ""),
                    "in", "100")).join();
            sim.run(Duration.ofSeconds(2));

            sim.pbx.blindTransfer("PJSIP/2001-00000001", "sales", "300").join();
            sim.run(Duration.ofSeconds(1));

            ManagerEvent transfer = sim.first(named("BlindTransfer", "Result", "Success"));
            assertThat(transfer.get("TransfererChannel")).isEqualTo("PJSIP/2001-00000001");
            assertThat(transfer.get("TransfereeChannel")).isEqualTo(caller.name());
            assertThat(transfer.get("TransfereeLinkedid")).isEqualTo(caller.linkedid());
            assertThat(transfer.get("Context")).isEqualTo("sales");
            assertThat(transfer.get("Extension")).isEqualTo("300");
            assertThat(sim.first(named("Newexten", "Context", "sales")).get("Channel")).isEqualTo(caller.name());
            assertThat(sim.first(named("Hangup", "Channel", "PJSIP/2001-00000001"))).isNotNull();
        }
    }

    @Test
    void aChannelNotBridgedToAnyoneCannotBeTransferred() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            ChannelSnapshot caller = sim.pbx.inboundCall(InboundCall.of("PJSIP", "carrier", new Party("5551", ""),
                    "sales", "300")).join();

            assertThatThrownBy(() -> sim.pbx.blindTransfer(caller.name(), "sales", "300").join())
                    .isInstanceOf(CompletionException.class).hasMessageContaining("not bridged");
        }
    }

    @Test
    void holdAndUnholdAreRaisedOnThePhonesChannelHoldWithItsMusicClass() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointBehaviour.answering());
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "carrier", new Party("5551", ""), "in", "100")).join();
            sim.run(Duration.ofSeconds(2));

            sim.pbx.hold("PJSIP/2001-00000001", true).join();
            sim.pbx.hold("PJSIP/2001-00000001", false).join();
            sim.run(Duration.ofMillis(10));

            assertThat(sim.first(named("Hold", "Channel", "PJSIP/2001-00000001")).get("MusicClass"))
                    .isEqualTo("default");
            assertThat(sim.first(named("Unhold", "Channel", "PJSIP/2001-00000001")).get("MusicClass")).isNull();
        }
    }
}
