package io.cti.pbxsim.calls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Caller ids as Originate's CallerID header gives them. */
class PartyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"Customer One\" <5551001>|5551001|Customer One",
            "Dialer <7000>|7000|Dialer",
            "<7000>|7000|''",
            "5551001|5551001|''",
            "Reception|''|Reception"})
    void callerIdsAreSplitIntoNumberAndName(String callerId, String number, String name) {
        assertThat(Party.parse(callerId)).isEqualTo(new Party(number, name));
    }
}
