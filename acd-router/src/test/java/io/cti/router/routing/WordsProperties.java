package io.cti.router.routing;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers in routing explanations read exactly as the Formatter would write them, for every double. */
class WordsProperties {

    @Property(tries = 5000)
    void aNumberWithAFractionReadsAsTheFormatterWritesItToOneDecimal(@ForAll double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            assertThat(Words.number(value)).isEqualTo(Long.toString((long) value));
        } else {
            assertThat(Words.number(value)).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
        }
    }

    @Property(tries = 5000)
    void aPriorityOfEverydaySizeReadsAsTheFormatterWritesIt(@ForAll @DoubleRange(min = -1000, max = 1000) double value) {
        String expected = value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        assertThat(Words.number(value)).isEqualTo(expected);
    }

    @Example
    void halvesRoundAwayFromZeroAndANegativeThatRoundsToZeroKeepsItsSign() {
        assertThat(Words.number(2.25)).isEqualTo("2.3");
        assertThat(Words.number(-2.25)).isEqualTo("-2.3");
        assertThat(Words.number(-0.04)).isEqualTo("-0.0");
        assertThat(Words.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Words.number(12.0)).isEqualTo("12");
    }
}
