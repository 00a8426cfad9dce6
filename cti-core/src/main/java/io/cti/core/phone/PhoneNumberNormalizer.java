package io.cti.core.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.cti.core.CoreException;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns a phone number written in any common form ({@code (415) 555-0100}, {@code +86 138 0013 8000},
 * {@code 0086-138...}, {@code tel:+1...}) into E.164, reading national numbers in the configured default
 * region. Immutable and thread-safe (libphonenumber's util is).
 */
public final class PhoneNumberNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT_LENGTH = 64;
    private static final int MAX_E164_LENGTH = 16; // '+' and 15 digits

    private final String defaultRegion;

    public PhoneNumberNormalizer(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("unknown default phone region '" + defaultRegion
                    + "': use an ISO 3166 two-letter code such as US or CN");
        }
        this.defaultRegion = region;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** The E.164 form of {@code input}, or a {@link CoreException} ({@code invalid-phone-number}) saying why not. */
    public PhoneNumber normalize(String input) {
        if (input == null || input.isBlank()) {
            throw CoreException.invalidPhoneNumber(String.valueOf(input), "empty");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw CoreException.invalidPhoneNumber(PhoneNumber.mask(input), "longer than " + MAX_INPUT_LENGTH + " characters");
        }
        String cleaned = withPlusForInternationalPrefix(input.strip());
        try {
            var parsed = UTIL.parse(cleaned, defaultRegion);
            if (!UTIL.isPossibleNumber(parsed)) {
                throw CoreException.invalidPhoneNumber(PhoneNumber.mask(input), "not a possible number for its country");
            }
            if (!UTIL.isValidNumber(parsed)) {
                throw CoreException.invalidPhoneNumber(PhoneNumber.mask(input), "no such number range in its country");
            }
            String e164 = UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            // libphonenumber accepts some national plans (Germany's, for one) beyond the 15 digits E.164 allows.
            if (e164.length() > MAX_E164_LENGTH) {
                throw CoreException.invalidPhoneNumber(PhoneNumber.mask(input), "longer than the 15 digits E.164 allows");
            }
            return new PhoneNumber(e164);
        } catch (NumberParseException e) {
            throw CoreException.invalidPhoneNumber(PhoneNumber.mask(input), describe(e));
        }
    }

    /** Like {@link #normalize(String)} but empty instead of an error, for lookups of caller ids. */
    public Optional<PhoneNumber> tryNormalize(String input) {
        try {
            return Optional.of(normalize(input));
        } catch (CoreException e) {
            return Optional.empty();
        }
    }

    // "00" is the international prefix in most of the world (China, Europe); people type it whatever the region.
    private static String withPlusForInternationalPrefix(String input) {
        String body = input.startsWith("tel:") ? input.substring(4) : input;
        return body.startsWith("00") ? "+" + body.substring(2) : body;
    }

    private static String describe(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }
}
