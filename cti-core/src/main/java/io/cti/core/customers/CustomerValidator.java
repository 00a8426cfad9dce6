package io.cti.core.customers;

import io.cti.core.CoreException;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.phone.PhoneNumberNormalizer;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link CustomerDraft} field by field and either returns the {@link CustomerProfile} it describes or
 * throws {@link InvalidCustomerException} listing every error found. A missing kind means an individual and a
 * missing type a potential customer (the card an agent fills in for an unknown caller). Thread-safe.
 */
public final class CustomerValidator {

    static final int MAX_TEXT = 200;
    static final int MAX_PHONES = 10;
    static final int MAX_ATTRIBUTE_CHARS = 16_384;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final LocalDate EARLIEST = LocalDate.of(1850, 1, 1);

    private final PhoneNumberNormalizer phones;
    private final Clock clock;

    public CustomerValidator(PhoneNumberNormalizer phones, Clock clock) {
        this.phones = phones;
        this.clock = clock;
    }

    public CustomerProfile validate(CustomerDraft draft) {
        Errors errors = new Errors();
        if (draft == null) {
            errors.add("", "required", "a customer is required");
            throw errors.toException();
        }
        CustomerKind kind = enumValue(errors, "kind", draft.kind(), CustomerKind.class, CustomerKind.INDIVIDUAL);
        CustomerType type = enumValue(errors, "type", draft.type(), CustomerType.class, CustomerType.POTENTIAL);
        String name = text(errors, "name", draft.name());
        if (name == null && errors.isClean("name")) {
            errors.add("name", "required", "a name is required");
        }
        String email = email(errors, draft.email());
        Address address = address(errors, draft.address());
        ZoneId zone = zone(errors, draft.timeZone());
        String language = text(errors, "preferredLanguage", draft.preferredLanguage());
        LocalDate birthDate = date(errors, "birthDate", draft.birthDate());
        Gender gender = enumValue(errors, "gender", draft.gender(), Gender.class, null);
        String occupation = text(errors, "occupation", draft.occupation());
        String education = text(errors, "education", draft.education());
        String industry = text(errors, "industry", draft.industry());
        String legalRepresentative = text(errors, "legalRepresentative", draft.legalRepresentative());
        String contactPerson = text(errors, "contactPerson", draft.contactPerson());
        LocalDate since = date(errors, "customerSince", draft.customerSince());
        kindSpecific(errors, kind, draft);
        List<CustomerPhone> phoneList = phones(errors, draft.phones());
        Map<String, Object> attributes = attributes(errors, draft.attributes());
        if (!errors.isEmpty()) {
            throw errors.toException();
        }
        return new CustomerProfile(kind, type, name, email, address, zone, language, birthDate, gender, occupation,
                education, industry, legalRepresentative, contactPerson, since, phoneList, attributes);
    }

    private static void kindSpecific(Errors errors, CustomerKind kind, CustomerDraft draft) {
        if (kind == CustomerKind.ORGANIZATION) {
            forbid(errors, "birthDate", draft.birthDate(), "an organization has no birth date (use customerSince)");
            forbid(errors, "gender", draft.gender(), "an organization has no gender");
        } else if (kind == CustomerKind.INDIVIDUAL) {
            forbid(errors, "industry", draft.industry(), "only organizations have an industry");
            forbid(errors, "legalRepresentative", draft.legalRepresentative(), "only organizations have a legal representative");
        }
    }

    private static void forbid(Errors errors, String field, String value, String message) {
        if (value != null && !value.isBlank()) {
            errors.add(field, "not-for-kind", message);
        }
    }

    private List<CustomerPhone> phones(Errors errors, List<CustomerDraft.PhoneDraft> drafts) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_PHONES) {
            errors.add("phones", "too-many", "at most " + MAX_PHONES + " phone numbers");
            return List.of();
        }
        List<CustomerPhone> result = new ArrayList<>();
        Set<PhoneNumber> seen = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < drafts.size(); i++) {
            String field = "phones[" + i + "]";
            CustomerDraft.PhoneDraft draft = drafts.get(i);
            if (draft == null) {
                errors.add(field, "required", "a phone entry must not be null");
                continue;
            }
            PhoneLabel label = enumValue(errors, field + ".label", draft.label(), PhoneLabel.class, PhoneLabel.MOBILE);
            boolean primary = Boolean.TRUE.equals(draft.primary());
            primaries += primary ? 1 : 0;
            try {
                PhoneNumber number = phones.normalize(draft.number());
                if (!seen.add(number)) {
                    errors.add(field + ".number", "duplicate", "the same number appears twice");
                } else if (label != null) {
                    result.add(new CustomerPhone(number, label, primary));
                }
            } catch (CoreException e) {
                errors.add(field + ".number", "invalid-phone-number", e.getMessage());
            }
        }
        if (primaries > 1) {
            errors.add("phones", "several-primary", "only one phone can be primary");
        }
        return result;
    }

    private static Map<String, Object> attributes(Errors errors, Map<String, Object> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        // Map.of() refuses containsKey(null), hence the walk over the entries.
        if (attributes.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            errors.add("attributes", "null-entry", "attributes must not contain null keys or values");
            return Map.of();
        }
        if (holdsControlCharacter(attributes)) {
            errors.add("attributes", "control-character", "attribute names and values must not contain control or line-break characters");
            return Map.of();
        }
        if (attributes.toString().length() > MAX_ATTRIBUTE_CHARS) {
            errors.add("attributes", "too-large", "attributes must stay under " + MAX_ATTRIBUTE_CHARS + " characters");
        }
        return attributes;
    }

    private static Address address(Errors errors, CustomerDraft.AddressDraft draft) {
        if (draft == null) {
            return Address.NONE;
        }
        String country = text(errors, "address.country", draft.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add("address.country", "unknown-country", "not an ISO 3166 two-letter country code: '" + draft.country() + "'");
            }
        }
        return new Address(text(errors, "address.line", draft.line()), text(errors, "address.city", draft.city()),
                text(errors, "address.region", draft.region()), text(errors, "address.postalCode", draft.postalCode()),
                country);
    }

    private static String email(Errors errors, String value) {
        String email = text(errors, "email", value);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add("email", "invalid-email", "not an e-mail address: '" + email + "'");
        }
        return email;
    }

    private static ZoneId zone(Errors errors, String value) {
        String zone = text(errors, "timeZone", value);
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add("timeZone", "unknown-time-zone", "not an IANA time zone such as Asia/Shanghai: '" + zone + "'");
            return null;
        }
    }

    private LocalDate date(Errors errors, String field, String value) {
        String text = text(errors, field, value);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.now(clock)) || date.isBefore(EARLIEST)) {
                errors.add(field, "out-of-range", "must be between " + EARLIEST + " and today: " + text);
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(field, "invalid-date", "not a date in the form 2024-03-31: '" + text + "'");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Errors errors, String field, String value, Class<E> type, E absent) {
        String text = text(errors, field, value);
        if (text == null) {
            return absent;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(field, "unknown-value", "'" + text + "' is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    /** Trimmed text, null when blank; control characters and over-long values are errors. */
    private static String text(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT) {
            errors.add(field, "too-long", "at most " + MAX_TEXT + " characters");
            return null;
        }
        if (trimmed.codePoints().anyMatch(CustomerValidator::isControl)) {
            errors.add(field, "control-character", "must not contain control or line-break characters");
            return null;
        }
        return trimmed;
    }

    /** Walks nested maps and lists: every key and every text value. */
    private static boolean holdsControlCharacter(Object value) {
        if (value instanceof String text) {
            return text.codePoints().anyMatch(CustomerValidator::isControl);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> holdsControlCharacter(e.getKey()) || holdsControlCharacter(e.getValue()));
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().anyMatch(CustomerValidator::holdsControlCharacter);
        }
        return false;
    }

    /**
     * Whether a character may not stand in any text a customer record keeps: ISO controls (CR, LF, NUL...),
     * the Unicode line and paragraph separators, and invisible format characters (but the emoji joiner).
     */
    public static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029
                || Character.getType(codePoint) == Character.FORMAT && codePoint != 0x200D;
    }

    /** Collects field errors in the order found. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String code, String message) {
            list.add(new FieldError(field, code, message));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        boolean isClean(String field) {
            return list.stream().noneMatch(e -> e.field().equals(field));
        }

        InvalidCustomerException toException() {
            return new InvalidCustomerException(list);
        }
    }

}
