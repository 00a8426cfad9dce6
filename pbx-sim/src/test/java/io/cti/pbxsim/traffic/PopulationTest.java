package io.cti.pbxsim.traffic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading population files in the binding format (shared/formats/population.md). */
class PopulationTest {

    private static final String EXAMPLE =
            "{\"phone\":\"+8613800138000\",\"timeZone\":\"Asia/Shanghai\",\"answer\":0.3,\"machine\":0.1,"
                    + "\"busy\":0.03,\"segment\":\"office-worker\"}";

    @Test
    void theFormatsExampleLineIsRead() {
        Callee callee = Population.parse(EXAMPLE, "example").callee("+8613800138000").orElseThrow();

        assertThat(callee.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(callee.answer()).hasSize(168).containsOnly(0.3);
        assertThat(callee.machine()).containsOnly(0.1);
        assertThat(callee.busy()).isEqualTo(0.03);
        assertThat(callee.segment()).isEqualTo("office-worker");
        assertThat(callee.customerRef()).isNull();
    }

    @Test
    void fieldsLeftOutTakeTheFormatsDefaults() {
        Callee callee = Population.parse("{\"phone\":\"+4930123456\",\"timeZone\":\"Europe/Berlin\",\"answer\":1}",
                "defaults").callee("+4930123456").orElseThrow();

        assertThat(callee.machine()).containsOnly(0.0);
        assertThat(callee.busy()).isZero();
        assertThat(new double[] {callee.answerDelayMin(), callee.answerDelayMax()}).containsExactly(4, 16);
        assertThat(new double[] {callee.talkMean(), callee.talkSd()}).containsExactly(120, 90);
    }

    @Test
    void anArrayGivesEachHourOfTheWeekItsOwnProbability() {
        String hours = String.join(",", Collections.nCopies(167, "0")) + ",1";
        Callee callee = Population.parse("{\"phone\":\"+4930123456\",\"timeZone\":\"UTC\",\"answer\":[" + hours
                + "],\"answerDelaySeconds\":{\"min\":1,\"max\":2},\"talkSeconds\":{\"mean\":60,\"sd\":0}}", "hours")
                .callee("+4930123456").orElseThrow();

        assertThat(callee.answer()[167]).isEqualTo(1.0);
        assertThat(callee.answer()[166]).isZero();
        assertThat(callee.answerDelayMax()).isEqualTo(2);
        assertThat(callee.talkSd()).isZero();
    }

    @Test
    void blankAndCommentLinesAreSkippedButKeepTheirLineNumbers() {
        String text = "# callees\n\n" + EXAMPLE + "\n   \n# end\n{\"phone\":\"+4930\"}\n";

        assertThatThrownBy(() -> Population.parse(text, "pop.jsonl"))
                .isInstanceOfSatisfying(PopulationException.class, e -> assertThat(e.line()).isEqualTo(6))
                .hasMessageStartingWith("pop.jsonl line 6");
    }

    @Test
    void onlyCommentsAndBlankLinesMakeAnEmptyPopulation() {
        assertThat(Population.parse("# nothing\n\n", "empty").size()).isZero();
    }

    @ParameterizedTest(name = "{0} -> field {2}")
    @CsvSource(delimiter = '|', value = {
        "no phone                | {\"timeZone\":\"UTC\",\"answer\":1}                                   | phone",
        "phone not E.164         | {\"phone\":\"0301234\",\"timeZone\":\"UTC\",\"answer\":1}             | phone",
        "phone not a string      | {\"phone\":4930123,\"timeZone\":\"UTC\",\"answer\":1}                 | phone",
        "no time zone            | {\"phone\":\"+4930123\",\"answer\":1}                                 | timeZone",
        "unknown time zone       | {\"phone\":\"+4930123\",\"timeZone\":\"Mars/Olympus\",\"answer\":1}   | timeZone",
        "no answer               | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\"}                         | answer",
        "answer above one        | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1.5}          | answer",
        "answer array too short  | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":[0.5,0.5]}    | answer",
        "answer as text          | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":\"0.5\"}      | answer",
        "machine negative        | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"machine\":-0.1} | machine",
        "busy above one          | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"busy\":2} | busy",
        "delay max below min     | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"answerDelaySeconds\":{\"min\":9,\"max\":3}} | answerDelaySeconds.max",
        "delay without max       | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"answerDelaySeconds\":{\"min\":9}} | answerDelaySeconds.max",
        "talk sd negative        | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"talkSeconds\":{\"mean\":60,\"sd\":-1}} | talkSeconds.sd",
        "talk mean zero          | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"talkSeconds\":{\"mean\":0,\"sd\":1}} | talkSeconds.mean",
        "segment not a string    | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"segment\":7} | segment",
        "misspelt field          | {\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":1,\"machne\":0.2} | machne",
    })
    void aWrongFieldIsRefusedNamingTheLineAndTheField(String problem, String line, String field) {
        assertThatThrownBy(() -> Population.parse("# header\n" + line, "pop.jsonl"))
                .isInstanceOfSatisfying(PopulationException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageStartingWith("pop.jsonl line 2, field '" + field + "': ");
    }

    @Test
    void aWrongValueInsideAnHourlyArrayIsNamedByItsIndex() {
        String hours = String.join(",", Collections.nCopies(17, "0.5")) + ",7," + String.join(",",
                Collections.nCopies(150, "0.5"));

        assertThatThrownBy(() -> Population.parse("{\"phone\":\"+4930123\",\"timeZone\":\"UTC\",\"answer\":["
                + hours + "]}", "pop.jsonl"))
                .isInstanceOfSatisfying(PopulationException.class,
                        e -> assertThat(e.field()).isEqualTo("answer[17]"))
                .hasMessageContaining("must be in [0,1], was 7");
    }

    @Test
    void aLineThatIsNotJsonIsRefusedNamingTheLineAndColumn() {
        assertThatThrownBy(() -> Population.parse(EXAMPLE + "\n{\"phone\": +49}", "pop.jsonl"))
                .isInstanceOfSatisfying(PopulationException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isNull();
                })
                .hasMessageContaining("column 11");
    }

    @Test
    void theSamePhoneTwiceIsRefusedNamingBothLines() {
        assertThatThrownBy(() -> Population.parse(EXAMPLE + "\n" + EXAMPLE, "pop.jsonl"))
                .isInstanceOfSatisfying(PopulationException.class, e -> assertThat(e.field()).isEqualTo("phone"))
                .hasMessage("pop.jsonl line 2, field 'phone': +8613800138000 already appears on line 1");
    }

    @Test
    void aLineThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> Population.parse("[1,2]", "pop.jsonl"))
                .hasMessage("pop.jsonl line 1: a callee must be a JSON object");
    }
}
