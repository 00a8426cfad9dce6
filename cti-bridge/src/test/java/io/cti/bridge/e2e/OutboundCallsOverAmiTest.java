package io.cti.bridge.e2e;

import io.cti.core.messages.AmdResult;
import io.cti.core.messages.AmdVerdict;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.OriginateResult;
import io.cti.core.messages.OriginateToCustomer;
import io.cti.pbxsim.calls.AnswerAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbound calls end to end: the bridge originates through pbx-sim's customer trunk into the platform dialplan's
 * {@code cti-outbound}, which runs AMD(); the bridge reports the originate's outcome and AMD's verdict.
 */
class OutboundCallsOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TRUNK = "PJSIP/trunk";

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
    void aPersonAnsweringIsAnAnsweredOriginateWithAHumanVerdictOnOneCall() {
        pbx.endpoint(TRUNK, call -> call.answer(AnswerAudio.PERSON));
        OriginateToCustomer originate = originate();

        pbx.bridge.callControl().execute(originate).join();

        await().atMost(WAIT).until(() -> !pbx.published(AmdResult.class).isEmpty());
        OriginateResult result = pbx.published(OriginateResult.class).get(0);
        assertThat(result.actionRef()).isEqualTo(originate.id().toString());
        assertThat(result.outcome()).isEqualTo(OriginateOutcome.ANSWERED);
        AmdResult amd = pbx.published(AmdResult.class).get(0);
        assertThat(amd.verdict()).isEqualTo(AmdVerdict.HUMAN);
        assertThat(amd.cause()).startsWith("HUMAN-");
        assertThat(amd.callId()).isEqualTo(result.callId());
        // No agent within 2 s: the dialplan abandons the call.
        await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.published(CallEnded.class)).singleElement()
                .extracting(CallEnded::callId).isEqualTo(result.callId()));
        assertThat(pbx.receivedByPbx()).contains("channel: PJSIP/+4930123456@trunk").contains("context: cti-outbound");
    }

    @Test
    void anAnsweringMachineIsAMachineVerdictAndTheCallEnds() {
        pbx.endpoint(TRUNK, call -> call.answer(AnswerAudio.MACHINE));

        pbx.bridge.callControl().execute(originate()).join();

        await().atMost(WAIT).until(() -> !pbx.published(CallEnded.class).isEmpty());
        assertThat(pbx.published(OriginateResult.class)).singleElement().extracting(OriginateResult::outcome)
                .isEqualTo(OriginateOutcome.ANSWERED);
        AmdResult amd = pbx.published(AmdResult.class).get(0);
        assertThat(amd.verdict()).isEqualTo(AmdVerdict.MACHINE);
        assertThat(amd.cause()).isNotBlank();
    }

    @Test
    void aBusyCustomerIsABusyOriginateWithoutACall() {
        pbx.endpoint(TRUNK, call -> call.busy());

        pbx.bridge.callControl().execute(originate()).join();

        await().atMost(WAIT).until(() -> !pbx.published(OriginateResult.class).isEmpty());
        OriginateResult result = pbx.published(OriginateResult.class).get(0);
        assertThat(result.outcome()).isEqualTo(OriginateOutcome.BUSY);
        assertThat(result.callId()).isNull();
        assertThat(pbx.published(AmdResult.class)).isEmpty();
    }

    private static OriginateToCustomer originate() {
        return OriginateToCustomer.now("trunk", "+4930123456", "+4930999000", Duration.ofSeconds(20), Map.of(), true);
    }
}
