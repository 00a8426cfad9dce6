package io.cti.pbxsim.calls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Asterisk's extension patterns: '.' is one or more characters, '!' zero or more. */
class ExtensionPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "_X., 12, true",
            "_X., 1, false",
            "_X!, 1, true",
            "_X!, '', false",
            "_NXX, 200, true",
            "_NXX, 100, false",
            "_ZX, 10, true",
            "_ZX, 01, false",
            "_1[2-4]X, 135, true",
            "_1[2-4]X, 155, false",
            "_1[25]X, 151, true",
            "_9., 91234, true",
            "_9., 81234, false",
            "_XXX, 1234, false"})
    void patternsMatchAsInAsterisk(String pattern, String exten, boolean matches) {
        assertThat(ExtensionPattern.matches(pattern, exten)).isEqualTo(matches);
    }
}
