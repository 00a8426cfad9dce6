package io.cti.pbxsim;

import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.testing.AmiRecording;
import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.SegmentComparator;
import io.cti.pbxsim.testing.SegmentComparator.Order;
import io.cti.pbxsim.testing.SimFixture;
import io.cti.pbxsim.testing.WireMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inbound call created through the Java API, as traffic models will create them, held against scenario 20:
 * a real SIP call (sipp, chan_sip guest) into the holding context, hung up by the caller.
 */
class InboundCallTest {

    @Test
    void anInboundCallFromJavaRaisesWhatTheRecordedSipCallRaised() {
        List<WireMessage> recorded = recordedCall();
        try (SimFixture sim = SimFixture.start(20, Duration.ofMillis(50));
             AmiTestClient client = sim.login()) {
            Map<String, String> driverVariables = new LinkedHashMap<>();
            driverVariables.put("SIPURI", "sip:sipp@127.0.0.1:5070");
            driverVariables.put("SIPDOMAIN", "127.0.0.1");
            driverVariables.put("SIPCALLID", "1-11253@127.0.0.1");
            ChannelSnapshot channel = sim.pbx.inboundCall(new InboundCall("SIP", "127.0.0.1",
                    new Party("sipp", "sipp"), "acd-inbound", "100", driverVariables)).join();
            List<WireMessage> answer = new ArrayList<>(client.readUntil(
                    m -> m.isEvent("Newexten") && "Wait".equals(m.get("Application")), Duration.ofSeconds(5)));
            sim.pbx.hangupFromFarEnd(channel.name(), 0).join();
            while (answer.size() < recorded.size()) {
                WireMessage next = client.read(Duration.ofSeconds(5));
                if (next == null) {
                    break;
                }
                answer.add(next);
            }

            assertThat(channel.name()).isEqualTo("SIP/127.0.0.1-00000000");
            assertThat(new SegmentComparator().compare("sipp", recorded, answer, Order.STRICT, List.of())).isEmpty();
        }
    }

    /**
     * The recorded call's events, without the RTP statistics chan_sip sets when the call ends (pbx-sim moves no
     * media), from Newchannel to the device state after the hang-up.
     */
    private static List<WireMessage> recordedCall() {
        List<WireMessage> all = AmiRecording.transcriptServerMessages("ami-transcript-sipp.txt", "sip");
        List<WireMessage> call = new ArrayList<>();
        boolean inCall = false;
        for (WireMessage message : all) {
            inCall |= message.isEvent("Newchannel");
            if (inCall && message.isResponse()) {
                break;
            }
            boolean rtpStatistics = message.isEvent("VarSet") && message.get("Variable").startsWith("RTPAUDIOQOS");
            if (inCall && !rtpStatistics) {
                call.add(message);
            }
        }
        return call;
    }
}
