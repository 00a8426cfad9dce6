package io.cti.pbxsim.traffic;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IVR mix callers draw from: only choices with weight, in proportion, and bad mixes refused by name. */
class IvrChoicesTest {

    @Property(tries = 200)
    void aDrawIsAlwaysAChoiceWithWeight(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 10) double one,
                                        @ForAll @DoubleRange(min = 0.01, max = 10) double nine) {
        IvrChoices choices = IvrChoices.of("1", one, "9", nine, "", 0);
        SimRandom random = new SimRandom(seed);
        for (int i = 0; i < 50; i++) {
            String keyed = choices.draw(random);
            assertThat(keyed).isIn(one > 0 ? new String[] {"1", "9"} : new String[] {"9"});
        }
    }

    @Test
    void choicesAreDrawnInProportionToTheirWeights() {
        IvrChoices choices = IvrChoices.of("1", 1, "2", 3);
        SimRandom random = new SimRandom(11);
        int twos = 0;
        for (int i = 0; i < 40_000; i++) {
            twos += choices.draw(random).equals("2") ? 1 : 0;
        }
        // 75 % of 40,000, within four standard deviations (about 87 calls each).
        assertThat(twos).isBetween(29_650, 30_350);
    }

    @Test
    void aChoiceThatIsNotDtmfOrANegativeWeightIsRefusedByName() {
        assertThatThrownBy(() -> IvrChoices.of("1", 1, "x", 1)).hasMessageContaining("not x");
        assertThatThrownBy(() -> IvrChoices.of("1", -1)).hasMessageContaining("'1'").hasMessageContaining("-1");
        assertThatThrownBy(() -> new IvrChoices(Map.of("1", 0.0))).hasMessageContaining("positive total");
    }
}
