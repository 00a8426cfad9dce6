package io.cti.pbxsim.calls;

import io.cti.pbxsim.PbxSimException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading extensions.conf: the subset the simulator documents. */
class DialplanTest {

    private static final Dialplan PLAN = Dialplan.parse("""
            [general]
            static=yes
            [globals]
            TRUNK=PJSIP/trunk ; a comment
            [main]
            include => shared
            exten => 100,1,NoOp(first)
             same => n(again),Answer
             same => n,Goto(again)
            exten => _1XX,1,NoOp(pattern ${EXTEN})
            exten => _X.,1,NoOp(catch-all)
            [shared]
            exten => 555,1,Playback(a\\;b)
            """);

    @Test
    void stepsKeepTheirApplicationAndUnexpandedArguments() {
        assertThat(PLAN.find("main", "100", 1)).hasValueSatisfying(step -> {
            assertThat(step.application()).isEqualTo("NoOp");
            assertThat(step.arguments()).isEqualTo("first");
        });
    }

    @Test
    void nPrioritiesCountOnAndLabelsAreFound() {
        assertThat(PLAN.find("main", "100", 2)).hasValueSatisfying(step ->
                assertThat(step.application()).isEqualTo("Answer"));
        assertThat(PLAN.findLabel("main", "100", "again")).isEqualTo(2);
    }

    @Test
    void anExactExtensionWinsOverPatternsWhichAreTriedInFileOrder() {
        assertThat(PLAN.find("main", "100", 1).orElseThrow().arguments()).isEqualTo("first");
        assertThat(PLAN.find("main", "123", 1).orElseThrow().arguments()).isEqualTo("pattern ${EXTEN}");
        assertThat(PLAN.find("main", "95", 1).orElseThrow().arguments()).isEqualTo("catch-all");
    }

    @Test
    void includedContextsAreSearchedAfterTheContextItself() {
        assertThat(Dialplan.parse("[a]\ninclude => b\n[b]\nexten => 7,1,NoOp(b)\n").exists("a", "7")).isTrue();
    }

    @Test
    void globalsAreReadAndCommentsStrippedButEscapedSemicolonsKept() {
        assertThat(PLAN.globals()).containsEntry("TRUNK", "PJSIP/trunk");
        assertThat(PLAN.find("shared", "555", 1).orElseThrow().arguments()).isEqualTo("a;b");
    }

    @Test
    void aMissingExtensionDoesNotExist() {
        assertThat(PLAN.exists("shared", "556")).isFalse();
        assertThat(PLAN.exists("nowhere", "100")).isFalse();
    }

    @Test
    void aLineThatIsNotDialplanIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> Dialplan.parse("[a]\nexten => 100\n"))
                .isInstanceOf(PbxSimException.class)
                .hasMessageContaining("line 2")
                .extracting(e -> ((PbxSimException) e).errorId()).isEqualTo("malformed-dialplan");
    }

    @Test
    void theRecordedReferenceDialplanIsBundled() {
        Dialplan reference = Dialplan.recordedReference();
        assertThat(reference.exists("acd-inbound", "100")).isTrue();
        assertThat(reference.exists("fake-customer", "999")).isFalse();
    }
}
