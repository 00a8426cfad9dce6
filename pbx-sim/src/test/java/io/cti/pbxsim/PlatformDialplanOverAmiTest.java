package io.cti.pbxsim;

import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.testing.AmiRecording;
import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.WireMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform dialplan on the wire: an embedded simulator on the virtual clock, an AMI client over TCP, and the
 * AcdEnter a caller raises laid out header by header as the recorded Asterisk laid out its AcdEnter.
 */
class PlatformDialplanOverAmiTest {

    @Test
    void anInboundCallsAcdEnterHasTheRecordedHeadersThenDnisAndIvr() throws InterruptedException {
        WireMessage recorded = AmiRecording.transcriptServerMessages("ami-transcript-sipp.txt", "sip").stream()
                .filter(message -> message.isEvent("UserEvent") && "AcdEnter".equals(message.get("UserEvent")))
                .findFirst().orElseThrow();
        try (Simulator sim = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser("cti", "s")))
                .withClock(VirtualClock::create));
             AmiTestClient client = AmiTestClient.loggedIn(sim.port(), "cti", "s")) {
            sim.pbx().inboundCall(InboundCall.of("PJSIP", "trunk", new Party("+4930123456", ""), "cti-inbound",
                    "5550100")).join();
            ((VirtualClock) sim.clock()).runFor(Duration.ofSeconds(5));
            List<WireMessage> received = client.readUntil(
                    message -> message.isEvent("UserEvent") && "AcdEnter".equals(message.get("UserEvent")),
                    Duration.ofSeconds(10));

            WireMessage enter = received.get(received.size() - 1);
            assertThat(enter.names()).startsWith(recorded.names().toArray(String[]::new));
            assertThat(enter.names().subList(recorded.names().size(), enter.names().size()))
                    .containsExactly("Dnis", "Ivr");
            assertThat(enter.get("Privilege")).isEqualTo(recorded.get("Privilege"));
            assertThat(received).filteredOn(message -> message.isEvent("Newchannel")).hasSize(1);
            assertThat(received).filteredOn(message -> message.isEvent("VarSet"))
                    .extracting(message -> message.get("Variable"))
                    .containsSubsequence("CTI_DNIS", "__ACD_CALLID", "ACD_SKILL");
        }
    }
}
