package io.cti.core.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import io.cti.core.CoreException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PhoneNumberNormalizerTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final PhoneNumberNormalizer us = new PhoneNumberNormalizer("US");
    private final PhoneNumberNormalizer cn = new PhoneNumberNormalizer("CN");

    @ParameterizedTest
    @ValueSource(strings = {"(415) 555-0132", "415.555.0132", "415-555-0132", "+1 415 555 0132", "1 (415) 555-0132",
            "+1-415-555-0132", "001 415 555 0132", "tel:+14155550132", "  +14155550132  "})
    void usFormatsOfOneNumberNormalizeToOneE164(String written) {
        assertThat(us.normalize(written).e164()).isEqualTo("+14155550132");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+86 138 0013 8000", "0086 138 0013 8000", "13800138000", "138-0013-8000", "+8613800138000",
            "tel:+86-138-0013-8000"})
    void chineseFormatsOfOneNumberNormalizeToOneE164(String written) {
        assertThat(cn.normalize(written).e164()).isEqualTo("+8613800138000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "0044 20 7946 0958", "+44 (0)20 7946 0958"})
    void anInternationallyWrittenNumberIgnoresTheDefaultRegion(String written) {
        assertThat(us.normalize(written).e164()).isEqualTo("+442079460958");
        assertThat(cn.normalize(written).e164()).isEqualTo("+442079460958");
    }

    @Test
    void aSixDigitViennaNumberIsAValidE164Number() {
        assertThat(us.normalize("+43 1110").e164()).isEqualTo("+431110");
        assertThat(new PhoneNumberNormalizer("AT").normalize("01110").e164()).isEqualTo("+431110");
    }

    @Property(tries = 500)
    void everyNumberLikeInputEitherNormalizesOrIsRefusedWithTheDomainError(@ForAll("numberLikeText") String written) {
        Throwable thrown = catchThrowable(() -> us.normalize(written));

        assertThat(thrown).as("input %s", written).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(CoreException.class));
    }

    @Test
    void aNationalNumberIsReadInTheDefaultRegion() {
        assertThat(new PhoneNumberNormalizer("GB").normalize("020 7946 0958").e164()).isEqualTo("+442079460958");
        assertThat(new PhoneNumberNormalizer("gb").defaultRegion()).isEqualTo("GB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me maybe", "abcdefghij", "+1 415", "12", "+999 123 4567", "+1 415 555 01",
            "415\u0000555 0132", "415\n555 0132"})
    void invalidInputIsRefusedWithInvalidPhoneNumber(String written) {
        CoreException e = catchThrowableOfType(() -> us.normalize(written), CoreException.class);

        assertThat(e).as("refused: %s", written).isNotNull();
        assertThat(e.errorId()).isEqualTo("invalid-phone-number");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void emptyInputIsRefusedWithInvalidPhoneNumber(String written) {
        assertThatThrownBy(() -> us.normalize(written))
                .isInstanceOfSatisfying(CoreException.class, e -> assertThat(e.errorId()).isEqualTo("invalid-phone-number"));
    }

    @Test
    void aHundredCharacterInputIsRefusedWithoutRepeatingIt() {
        String hundred = "+8613800138000".repeat(7) + "12";

        CoreException e = catchThrowableOfType(() -> cn.normalize(hundred), CoreException.class);

        assertThat(hundred).hasSize(100);
        assertThat(e.errorId()).isEqualTo("invalid-phone-number");
        assertThat(e.getMessage()).doesNotContain("8613800138000").doesNotContain("13800138000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999 123 4567", "+1 415 555 01", "+86 138 0013 80009999", "+1 999 555 0132", "+123456",
            "+44 20 7946"})
    void theErrorMessageNeverContainsTheFullNumber(String written) {
        CoreException e = catchThrowableOfType(() -> us.normalize(written), CoreException.class);

        assertThat(e).as("refused: %s", written).isNotNull();
        assertThat(digitsOf(e.getMessage())).doesNotContain(digitsOf(written));
        assertThat(e.getMessage()).doesNotContain(written);
    }

    @Property(tries = 500)
    void noRefusedInputIsRepeatedInFullInTheErrorMessage(@ForAll("numberLikeText") String written) {
        us.tryNormalize(written).ifPresentOrElse(ok -> { }, () -> {
            CoreException e = catchThrowableOfType(() -> us.normalize(written), CoreException.class);
            assertThat(e.getMessage()).doesNotContain(written.strip());
        });
    }

    @Provide
    Arbitrary<String> numberLikeText() {
        Arbitrary<String> plus = Arbitraries.of("", "+", "00");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(16);
        return Combinators.combine(plus, digits).as((p, d) -> p + d);
    }

    @Test
    void numbersInFreeTextAreMaskedAndTheRestIsKept() {
        String detail = "Key (e164)=(+8615941795342) is duplicated; also 4155550132 in row 12";

        String masked = PhoneNumber.maskNumbersIn(detail);

        assertThat(masked).doesNotContain("8615941795342").doesNotContain("4155550132")
                .contains("+86*******5342").contains("41****0132").contains("row 12").startsWith("Key (e164)=(");
    }

    @Test
    void toStringOfAPhoneNumberIsMasked() {
        PhoneNumber number = us.normalize("(415) 555-0132");

        assertThat(number.toString()).isNotEqualTo("+14155550132").doesNotContain("4155550132").endsWith("0132");
        assertThat(number.toString()).isEqualTo(number.masked());
        assertThat(String.valueOf(List.of(number))).doesNotContain("4155550132");
    }

    @Test
    void tryNormalizeGivesEmptyInsteadOfAnError() {
        assertThat(us.tryNormalize("not a number")).isEmpty();
        assertThat(us.tryNormalize(null)).isEmpty();
        assertThat(us.tryNormalize("415 555 0132")).contains(new PhoneNumber("+14155550132"));
    }

    @Test
    void anUnknownDefaultRegionIsRefused() {
        assertThatThrownBy(() -> new PhoneNumberNormalizer("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumberNormalizer(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPhoneNumberRefusesTextThatIsNotE164() {
        assertThatThrownBy(() -> new PhoneNumber("4155550132")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+0155550132")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+1 415 555 0132")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- properties over libphonenumber's example numbers of every region and number type ----

    @Property(tries = 1000)
    void normalizingAnE164ResultGivesItself(@ForAll("exampleNumbers") Example example,
                                            @ForAll("regions") String defaultRegion) {
        PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer(defaultRegion);
        PhoneNumber once = normalizer.normalize(UTIL.format(example.number(), PhoneNumberFormat.E164));

        assertThat(normalizer.normalize(once.e164())).isEqualTo(once);
        assertThat(new PhoneNumberNormalizer(example.region()).normalize(once.e164())).isEqualTo(once);
    }

    @Property(tries = 1000)
    void everyWayOfWritingAValidNumberGivesTheSameE164(@ForAll("exampleNumbers") Example example,
                                                     @ForAll("regions") String defaultRegion) {
        String e164 = UTIL.format(example.number(), PhoneNumberFormat.E164);
        PhoneNumberNormalizer own = new PhoneNumberNormalizer(example.region());

        assertThat(own.normalize(UTIL.format(example.number(), PhoneNumberFormat.NATIONAL)).e164()).isEqualTo(e164);
        assertThat(new PhoneNumberNormalizer(defaultRegion)
                .normalize(UTIL.format(example.number(), PhoneNumberFormat.INTERNATIONAL)).e164()).isEqualTo(e164);
        assertThat(new PhoneNumberNormalizer(defaultRegion)
                .normalize(UTIL.format(example.number(), PhoneNumberFormat.RFC3966)).e164()).isEqualTo(e164);
    }

    record Example(String region, Phonenumber.PhoneNumber number) {
        @Override
        public String toString() {
            return region + " " + UTIL.format(number, PhoneNumberFormat.E164);
        }
    }

    @Provide
    Arbitrary<Example> exampleNumbers() {
        List<Example> examples = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : List.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE,
                    PhoneNumberType.TOLL_FREE, PhoneNumberType.VOIP, PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
                Phonenumber.PhoneNumber number = UTIL.getExampleNumberForType(region, type);
                if (number != null && UTIL.isValidNumber(number)) {
                    examples.add(new Example(region, number));
                }
            }
        }
        assertThat(examples).hasSizeGreaterThan(400);
        return Arbitraries.of(examples);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(UTIL.getSupportedRegions().stream().sorted().toList());
    }

    private static String digitsOf(String text) {
        return Objects.requireNonNullElse(text, "").replaceAll("[^0-9]", "");
    }
}
