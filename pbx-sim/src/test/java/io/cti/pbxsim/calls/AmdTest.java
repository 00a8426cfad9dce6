package io.cti.pbxsim.calls;

import io.cti.pbxsim.calls.AmdApp.Parameters;
import io.cti.pbxsim.calls.AmdApp.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;

/** The AMD application: app_amd's verdicts and causes for what the far end sounds like, reported as VarSet. */
class AmdTest {

    private static final String DIALPLAN = """
            [out]
            exten => s,1,AMD(${AMD_ARGS})
             same => n,Set(DONE=${AMDSTATUS}/${AMDCAUSE})
             same => n,Wait(30)
            """;

    @Test
    void aPersonIsHumanOnceTheSilenceAfterTheGreetingIsLongEnough() {
        assertThat(AmdApp.decide(AnswerAudio.PERSON, Parameters.DEFAULTS))
                .isEqualTo(new Verdict("HUMAN", "HUMAN-800-800", 1900));
    }

    @Test
    void aMachineGreetingIsALongGreeting() {
        assertThat(AmdApp.decide(AnswerAudio.MACHINE, Parameters.DEFAULTS))
                .isEqualTo(new Verdict("MACHINE", "LONGGREETING-1500-1500", 1800));
    }

    @Test
    void silenceIsAMachineByInitialSilence() {
        assertThat(AmdApp.decide(AnswerAudio.SILENCE, Parameters.DEFAULTS))
                .isEqualTo(new Verdict("MACHINE", "INITIALSILENCE-2500-2500", 2500));
    }

    @Test
    void anAnalysisTimeShorterThanTheDecisionIsNotSure() {
        assertThat(AmdApp.decide(AnswerAudio.SILENCE, Parameters.parse("2500,1500,800,1000")))
                .isEqualTo(new Verdict("NOTSURE", "TOOLONG-1000", 1000));
    }

    @Test
    void aMaximumWordLengthBelowTheGreetingLimitDecidesFirst() {
        assertThat(AmdApp.decide(AnswerAudio.MACHINE, Parameters.parse(",,,,,,,,1000")))
                .isEqualTo(new Verdict("MACHINE", "MAXWORDLENGTH-1000", 1300));
    }

    @Test
    void argumentsOverrideTheDefaultsInOrder() {
        assertThat(AmdApp.decide(AnswerAudio.PERSON, Parameters.parse("2500,1500,1000")))
                .isEqualTo(new Verdict("HUMAN", "HUMAN-1000-1000", 2100));
    }

    @Test
    void theVerdictIsSetAsStatusThenCauseWhenTheAnalysisEnds() {
        try (VirtualPbx sim = answeredCall(AnswerAudio.PERSON)) {
            sim.run(Duration.ofSeconds(5));

            List<ManagerEvent> amd = sim.all(event -> event.name().equals("VarSet")
                    && event.get("Variable").startsWith("AMD"));
            assertThat(amd).extracting(event -> event.get("Variable") + "=" + event.get("Value"))
                    .containsExactly("AMDSTATUS=HUMAN", "AMDCAUSE=HUMAN-800-800");
            assertThat(sim.first(named("VarSet", "Variable", "DONE")).get("Value")).isEqualTo("HUMAN/HUMAN-800-800");
        }
    }

    @Test
    void theDecisionTakesAsLongAsTheAudioAnalysed() {
        try (VirtualPbx sim = answeredCall(AnswerAudio.MACHINE)) {
            Instant answered = sim.clock.now();
            Instant[] decided = new Instant[1];
            sim.pbx.subscribe(event -> {
                if (event.name().equals("VarSet") && "AMDSTATUS".equals(event.get("Variable"))) {
                    decided[0] = sim.clock.now();
                }
            });
            sim.run(Duration.ofSeconds(5));

            assertThat(Duration.between(answered, decided[0])).isEqualTo(Duration.ofMillis(1800));
        }
    }

    @Test
    void aHangUpDuringTheAnalysisIsReportedAsHangupWithAnEmptyCause() {
        try (VirtualPbx sim = answeredCall(AnswerAudio.PERSON)) {
            String channel = sim.first(named("Newexten", "Application", "AMD")).get("Channel");
            sim.run(Duration.ofMillis(500));
            sim.pbx.hangupFromFarEnd(channel, 16).join();
            sim.run(Duration.ofSeconds(1));

            assertThat(sim.first(named("VarSet", "Variable", "AMDSTATUS")).get("Value")).isEqualTo("HANGUP");
            assertThat(sim.first(named("VarSet", "Variable", "AMDCAUSE")).get("Value")).isEmpty();
        }
    }

    /** A customer reached through a trunk who answers sounding like {@code audio}; AMD starts at once. */
    private static VirtualPbx answeredCall(AnswerAudio audio) {
        VirtualPbx sim = new VirtualPbx(DIALPLAN);
        sim.pbx.registerEndpoint("PJSIP/trunk", call -> call.answer(audio));
        sim.pbx.originate(OriginateRequest.toExtension("PJSIP/5551234@trunk", "out", "s", 1)).join();
        return sim;
    }
}
