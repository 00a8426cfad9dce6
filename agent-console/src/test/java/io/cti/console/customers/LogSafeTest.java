package io.cti.console.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void phoneNumbersInAnyCommonFormatAreMaskedButForTheirLastFourDigits() {
        String masked = LogSafe.mask("caller +14155550123, also (415) 555-0199 and 0086 138 0013 8000 or 415.555.0100");

        assertThat(masked).doesNotContain("4155550123", "555-0199", "138 0013", "415.555")
                .contains("0123", "0199", "8000", "0100");
    }

    @Test
    void datesDecimalsAndShortNumbersAreLeftReadable() {
        String text = "version 3 of customer 42 at 2025-06-15T10:00:00Z, amount 1234567.50";

        assertThat(LogSafe.mask(text)).isEqualTo(text);
    }

    @Test
    void aMaskedFailureKeepsTheOriginalClassNameStackTraceAndCauses() {
        IllegalStateException failure = new IllegalStateException("lookup of +8613800138000 failed",
                new IllegalArgumentException("caller id +8613800138000"));

        Throwable masked = LogSafe.masked(failure);

        assertThat(masked.getMessage()).isEqualTo("java.lang.IllegalStateException: lookup of +86*******8000 failed");
        assertThat(masked.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(masked.getCause().getMessage()).isEqualTo("java.lang.IllegalArgumentException: caller id +86*******8000");
    }
}
