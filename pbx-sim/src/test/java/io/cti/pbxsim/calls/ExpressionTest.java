package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Dialplan {@code $[...]} expressions, as the platform's dialplan writes them. */
class ExpressionTest {

    @Test
    void quotedStringsCompareWithoutTheirQuotes() {
        assertThat(Expression.evaluate("\"MACHINE\" = \"MACHINE\"")).isEqualTo("1");
        assertThat(Expression.evaluate("\"HUMAN\" = \"MACHINE\"")).isEqualTo("0");
    }

    @Test
    void anEmptyQuotedValueEqualsTheEmptyString() {
        assertThat(Expression.evaluate("\"\" = \"\"")).isEqualTo("1");
    }

    @Test
    void numbersCompareAsNumbers() {
        assertThat(Expression.evaluate("10 > 9")).isEqualTo("1");
        assertThat(Expression.evaluate("\"10\" != \"10.0\"")).isEqualTo("0");
    }

    @Test
    void logicalOperatorsCombineComparisons() {
        assertThat(Expression.evaluate("\"a\" = \"a\" & \"b\" = \"c\"")).isEqualTo("0");
        assertThat(Expression.evaluate("\"a\" = \"a\" | \"b\" = \"c\"")).isEqualTo("1");
        assertThat(Expression.evaluate("!(1 = 2)")).isEqualTo("1");
    }

    @Test
    void arithmeticFollowsPrecedence() {
        assertThat(Expression.evaluate("2 + 3 * 4")).isEqualTo("14");
        assertThat(Expression.evaluate("(2 + 3) * 4")).isEqualTo("20");
    }

    @Test
    void theTernaryPicksABranch() {
        assertThat(Expression.evaluate("1 = 1 ? \"yes\" :: \"no\"")).isEqualTo("yes");
    }

    @Test
    void anUnreadableExpressionIsEmpty() {
        assertThat(Expression.evaluate("= = =")).isEmpty();
    }

    @Test
    void substitutionEvaluatesExpressionsAfterExpandingTheirVariables() {
        assertThat(valueSetBy("${IF($[\"${NOT_SET}\" = \"\"]?15:${NOT_SET})}")).isEqualTo("15");
    }

    @Test
    void filterKeepsOnlyTheAllowedCharacters() {
        assertThat(valueSetBy("${FILTER(0-9+,+49 (30) 1234 Evil: x)}")).isEqualTo("+49301234");
    }

    /** What {@code Set(R=<expression>)} sets on a call running it. */
    private static String valueSetBy(String expression) {
        try (VirtualPbx sim = new VirtualPbx("[x]\nexten => s,1,Set(R=" + expression + ")\n")) {
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "x", "s")).join();
            sim.run(Duration.ofSeconds(1));
            return sim.first(EventLog.named("VarSet", "Variable", "R")).get("Value");
        }
    }
}
