package io.cti.platform.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMaskingConverterTest {

    @Test
    void masksAnE164NumberButItsCountryPrefixAndLastFourDigits() {
        assertThat(PhoneMaskingConverter.mask("call from +8613800138000 queued"))
                .isEqualTo("call from +86*******8000 queued");
    }

    @Test
    void masksANationalNumberWrittenWithSeparators() {
        String masked = PhoneMaskingConverter.mask("caller (415) 555-0132 hung up");
        assertThat(masked).doesNotContain("415").doesNotContain("555").endsWith("0132 hung up");
    }

    @Test
    void leavesShortNumbersAndIdsAlone() {
        String text = "customer 12345 in queue 7 waited 42 s; message 3f1c2b1e-8a7d-4c3b-9e2f-1a2b3c4d5e6f";
        assertThat(PhoneMaskingConverter.mask(text)).isEqualTo(text);
    }

    @Test
    void leavesTimestampsAndDecimalsAlone() {
        String text = "refreshed at 2026-11-25 10:45:13 in 1234.5678 ms";
        assertThat(PhoneMaskingConverter.mask(text)).isEqualTo(text);
    }
}
