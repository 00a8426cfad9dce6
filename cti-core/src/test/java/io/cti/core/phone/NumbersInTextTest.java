package io.cti.core.phone;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.NumericChars;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's one rule for phone numbers in free text: what is masked, how, and what stays readable. */
class NumbersInTextTest {

    @Test
    void anE164NumberInTextIsMaskedAsThePhoneNumberItselfIs() {
        String masked = PhoneNumber.maskNumbersIn("call from +8613800138000 queued");

        assertThat(masked).isEqualTo("call from " + PhoneNumber.mask("+8613800138000") + " queued")
                .isEqualTo("call from +86*******8000 queued");
    }

    @Test
    void numbersWrittenWithSeparatorsKeepTheirSeparatorsAndOnlyTheirLastFourDigits() {
        String masked = PhoneNumber.maskNumbersIn("caller (415) 555-0132, also 0086 138 0013 8000 or 415.555.0100");

        assertThat(masked).isEqualTo("caller (41*) ***-0132, also 00** *** **** 8000 or 41*.***.0100");
    }

    @Test
    void aNumberEndingASentenceIsMaskedToo() {
        assertThat(PhoneNumber.maskNumbersIn("Lookup failed for 4155550132.")).isEqualTo("Lookup failed for 41****0132.");
    }

    @Test
    void aSixDigitNumberIsMaskedWhole() {
        assertThat(PhoneNumber.maskNumbersIn("Vienna 431110 rang")).isEqualTo("Vienna ****** rang");
    }

    @Test
    void shortNumbersIdsUuidsDatesTimesAndDecimalsStayReadable() {
        String text = "customer 12345 in queue 7 waited 42 s; message 3f1c2b1e-8a7d-4c3b-9e2f-1a2b3c4d5e6f, "
                + "12345678-1234-1234-1234-123456789012 at 2026-11-25 10:45:13 (2025-06-15T10:00:00Z) "
                + "in 1234.5678 ms, amount 1234567.50, build v1234567";

        assertThat(PhoneNumber.maskNumbersIn(text)).isEqualTo(text);
    }

    @Property
    void noRunOfSixToFifteenDigitsSurvivesInPlainText(@ForAll @NumericChars @StringLength(min = 6, max = 15) String digits) {
        String masked = PhoneNumber.maskNumbersIn("caller " + digits + " waits");

        assertThat(masked).doesNotContain(digits).startsWith("caller ").endsWith(" waits");
    }
}
