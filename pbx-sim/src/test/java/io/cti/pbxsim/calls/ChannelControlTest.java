package io.cti.pbxsim.calls;

import io.cti.pbxsim.PbxSimException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Driving calls from Java: originate, list, redirect, variables, hang up. */
class ChannelControlTest {

    private static final String DIALPLAN = """
            [hold]
            exten => 100,1,Answer()
             same => n,Set(__TAG=${CALLERID(num)})
             same => n,Wait(600)
            [elsewhere]
            exten => 200,1,NoOp(arrived ${TAG})
             same => n,Wait(600)
            """;

    @Test
    void anOriginateIntoTheDialplanAnswersAndListsBothLocalHalves() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            OriginateOutcome outcome = sim.pbx.originate(OriginateRequest.toApplication("Local/100@hold", "Wait", "600")
                    .withCallerId(new Party("5551001", "Customer One"))).join();
            sim.events.await(named("Newexten", "Application", "Wait"));

            List<ChannelSnapshot> channels = sim.pbx.channels().join();
            assertThat(outcome.answered()).isTrue();
            assertThat(channels).extracting(ChannelSnapshot::name)
                    .containsExactly("Local/100@hold-00000000;2", "Local/100@hold-00000000;1");
            assertThat(channels.get(0).variables()).containsEntry("TAG", "5551001");
            assertThat(channels.get(0).linkedid()).isEqualTo(channels.get(1).uniqueid());
        }
    }

    @Test
    void aRedirectMovesTheWaitingHalfToItsNewExtension() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.originate(OriginateRequest.toApplication("Local/100@hold", "Wait", "600")
                    .withCallerId(new Party("5551001", ""))).join();
            sim.events.await(named("Newexten", "Application", "Wait"));
            sim.pbx.redirect("Local/100@hold-00000000;2", "elsewhere", "200", 1).join();

            ManagerEvent arrived = sim.events.await(named("Newexten", "Context", "elsewhere"));
            assertThat(arrived.get("AppData")).isEqualTo("arrived 5551001");
        }
    }

    @Test
    void variablesAreSetWithVarSetAndReadBackIncludingFunctions() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.originate(OriginateRequest.toApplication("Local/100@hold", "Wait", "600")
                    .withCallerId(new Party("5551001", "Customer One"))
                    .withVariables(Map.of("CTI_TAG", "call-1"))).join();
            String two = "Local/100@hold-00000000;2";
            sim.pbx.setVariable(two, "CTI_AGENT", "2001").join();
            sim.pbx.setVariable(null, "SITE", "berlin").join();

            assertThat(sim.events.await(named("VarSet", "Variable", "CTI_AGENT")).get("Channel")).isEqualTo(two);
            assertThat(sim.pbx.getVariable(two, "CTI_AGENT").join()).isEqualTo("2001");
            assertThat(sim.pbx.getVariable(two, "CTI_TAG").join()).isEqualTo("call-1");
            assertThat(sim.pbx.getVariable(two, "CALLERID(name)").join()).isEqualTo("Customer One");
            assertThat(sim.pbx.getVariable(null, "SITE").join()).isEqualTo("berlin");
        }
    }

    @Test
    void hangingUpOneHalfEndsBothWithTheGivenCause() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            sim.pbx.originate(OriginateRequest.toApplication("Local/100@hold", "Wait", "600")).join();
            sim.events.await(named("Newexten", "Application", "Wait"));
            sim.pbx.hangup("Local/100@hold-00000000;2", 16).join();

            sim.events.await(named("Hangup", "Channel", "Local/100@hold-00000000;1"));
            assertThat(sim.events.all()).filteredOn(named("Hangup"))
                    .extracting(event -> event.get("Cause")).containsExactly("16", "16");
            assertThat(sim.pbx.channels().join()).isEmpty();
        }
    }

    @Test
    void actingOnAChannelThatDoesNotExistFailsNamingIt() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            assertThatThrownBy(() -> sim.pbx.hangup("Local/none-00000000;1", 16).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(PbxSimException.class).hasMessageContaining("Local/none-00000000;1");
        }
    }

    @Test
    void anOriginateToAMissingExtensionFailsWithReasonZeroAndLeavesNoChannel() {
        try (PbxFixture sim = new PbxFixture(DIALPLAN)) {
            OriginateOutcome outcome = sim.pbx.originate(OriginateRequest.toApplication("Local/999@hold", "Wait", "1"))
                    .join();

            assertThat(outcome.reason()).isEqualTo(OriginateOutcome.FAILURE);
            assertThat(outcome.channel()).isNull();
            assertThat(sim.pbx.channels().join()).isEmpty();
        }
    }
}
