package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmiValueGuardProperties {

    /** Whatever the value, if the guard lets it through, it cannot end an AMI line on any reading of "line". */
    @Property(tries = 3000)
    void noAcceptedValueContainsALineBreak(@ForAll("anyText") String value) {
        boolean accepted;
        try {
            AmiValueGuard.checkValue("field", value);
            accepted = true;
        } catch (BridgeException refused) {
            accepted = false;
        }
        if (accepted) {
            assertThat(value).doesNotContain("\r", "\n", "\u0000", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c");
            assertThat(value.codePoints()).noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT);
            assertThat(value.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AmiValueGuard.MAX_VALUE_BYTES);
            // What asterisk-java would write for it is exactly one line.
            assertThat(("Key: " + value + "\r\n").split("\r\n|\r|\n", -1)).hasSize(2);
        }
    }

    @Property(tries = 1000)
    void aControlCharacterAnywhereIsRefused(@ForAll @StringLength(max = 40) String prefix,
                                            @ForAll("controls") char control,
                                            @ForAll @StringLength(max = 40) String suffix) {
        assertThatThrownBy(() -> AmiValueGuard.checkValue("field", prefix + control + suffix))
                .isInstanceOf(BridgeException.class);
    }

    @Provide
    Arbitrary<String> anyText() {
        char[] risky = {'\r', '\n', '\u0000', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\t', '\u001b',
                '\u200b', '\u202e', '\ufeff', ':', '=', ' ', 'a', 'b'};
        Arbitrary<Character> any = Arbitraries.chars().all();
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.strings().withChars(risky)
                                .ofMaxLength(20)),
                        net.jqwik.api.Tuple.of(2, any.list().ofMaxSize(30).map(AmiValueGuardProperties::join)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(50)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(850)
                                .ofMaxLength(1000)));
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.chars().all().filter(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029');
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }
}
