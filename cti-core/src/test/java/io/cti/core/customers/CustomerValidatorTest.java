package io.cti.core.customers;

import io.cti.core.phone.PhoneNumber;
import io.cti.core.phone.PhoneNumberNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CustomerValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC"));
    private final CustomerValidator validator = new CustomerValidator(new PhoneNumberNormalizer("US"), CLOCK);

    @Test
    void everyFieldErrorIsListedAtOnce() {
        CustomerDraft draft = new Draft().phones(phone("not a phone", null, null)).type("VIP").name(null).build();

        List<FieldError> errors = refused(draft);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("phones[0].number", "type", "name");
        assertThat(errors).extracting(FieldError::code).contains("invalid-phone-number", "required");
    }

    @Test
    void aMissingKindMeansAnIndividualAndAMissingTypeAPotentialCustomer() {
        CustomerProfile profile = validator.validate(new Draft().kind(null).type(null).build());

        assertThat(profile.kind()).isEqualTo(CustomerKind.INDIVIDUAL);
        assertThat(profile.type()).isEqualTo(CustomerType.POTENTIAL);
    }

    @Test
    void aValidDraftBecomesAProfileWithNormalizedPhones() {
        CustomerDraft draft = new Draft().kind("individual").type("current").name("  Ann Lee  ").email("ann@example.com")
                .birthDate("1990-02-28").gender("female").timeZone("America/Los_Angeles")
                .address(new CustomerDraft.AddressDraft("1 Main St", "San Francisco", "CA", "94105", "us"))
                .phones(phone("(415) 555-0132", "home", true), phone("+86 138 0013 8000", null, null))
                .attributes(new HashMap<>(Map.of("interests", List.of("golf"), "vip", true))).build();

        CustomerProfile profile = validator.validate(draft);

        assertThat(profile.name()).isEqualTo("Ann Lee");
        assertThat(profile.type()).isEqualTo(CustomerType.CURRENT);
        assertThat(profile.birthDate()).isEqualTo(LocalDate.of(1990, 2, 28));
        assertThat(profile.gender()).isEqualTo(Gender.FEMALE);
        assertThat(profile.timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(profile.address().country()).isEqualTo("US");
        assertThat(profile.phones()).containsExactly(
                new CustomerPhone(new PhoneNumber("+14155550132"), PhoneLabel.HOME, true),
                new CustomerPhone(new PhoneNumber("+8613800138000"), PhoneLabel.MOBILE, false));
        assertThat(profile.attributes()).containsEntry("vip", true);
    }

    @Test
    void anOrganizationWithABirthDateIsRefused() {
        List<FieldError> errors = refused(new Draft().kind("ORGANIZATION").name("Acme Ltd").birthDate("1990-01-01").build());

        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("birthDate", "not-for-kind"));
    }

    @Test
    void anOrganizationWithAGenderIsRefused() {
        assertThat(refused(new Draft().kind("ORGANIZATION").name("Acme Ltd").gender("MALE").build()))
                .extracting(FieldError::field).containsExactly("gender");
    }

    @Test
    void anIndividualWithOrganizationFieldsIsRefused() {
        List<FieldError> errors = refused(new Draft().industry("Retail").legalRepresentative("Li Na").build());

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("industry", "legalRepresentative");
    }

    @Test
    void anOrganizationKeepsItsOwnFields() {
        CustomerProfile profile = validator.validate(new Draft().kind("ORGANIZATION").name("北京科技有限公司")
                .industry("Software").legalRepresentative("王伟").contactPerson("李娜").customerSince("2019-04-01").build());

        assertThat(profile.kind()).isEqualTo(CustomerKind.ORGANIZATION);
        assertThat(profile.industry()).isEqualTo("Software");
        assertThat(profile.legalRepresentative()).isEqualTo("王伟");
        assertThat(profile.contactPerson()).isEqualTo("李娜");
    }

    static Stream<Arguments> controlCharactersInTextFields() {
        List<String> controls = List.of("\r", "\n", "\u0000", "\u2028", "\u0007", "\u200B");
        Map<String, Function<String, Draft>> fields = new java.util.LinkedHashMap<>();
        fields.put("name", v -> new Draft().name(v));
        fields.put("email", v -> new Draft().email(v));
        fields.put("timeZone", v -> new Draft().timeZone(v));
        fields.put("preferredLanguage", v -> new Draft().preferredLanguage(v));
        fields.put("occupation", v -> new Draft().occupation(v));
        fields.put("education", v -> new Draft().education(v));
        fields.put("contactPerson", v -> new Draft().contactPerson(v));
        fields.put("industry", v -> new Draft().kind("ORGANIZATION").industry(v));
        fields.put("legalRepresentative", v -> new Draft().kind("ORGANIZATION").legalRepresentative(v));
        fields.put("address.line", v -> new Draft().address(new CustomerDraft.AddressDraft(v, null, null, null, null)));
        fields.put("address.city", v -> new Draft().address(new CustomerDraft.AddressDraft(null, v, null, null, null)));
        fields.put("address.region", v -> new Draft().address(new CustomerDraft.AddressDraft(null, null, v, null, null)));
        fields.put("address.postalCode", v -> new Draft().address(new CustomerDraft.AddressDraft(null, null, null, v, null)));
        fields.put("phones[0].number", v -> new Draft().phones(phone(v, null, null)));
        fields.put("phones[0].label", v -> new Draft().phones(phone("415 555 0132", v, null)));
        List<Arguments> cases = new ArrayList<>();
        Map<String, String> samples = Map.ofEntries(Map.entry("email", "ann@exa%smple.com"),
                Map.entry("timeZone", "Asia/Shang%shai"), Map.entry("phones[0].number", "415%s555 0132"),
                Map.entry("phones[0].label", "HO%sME"));
        for (var field : fields.entrySet()) {
            for (String control : controls) {
                if (control.equals("\u200B") && field.getKey().equals("phones[0].number")) {
                    continue; // libphonenumber drops a zero-width space; only the clean E.164 form is kept
                }
                String value = samples.getOrDefault(field.getKey(), "Ann%sLee").formatted(control);
                cases.add(Arguments.of(field.getKey(), escape(control), field.getValue().apply(value).build()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource
    void controlCharactersInTextFields(String field, String control, CustomerDraft draft) {
        assertThat(refused(draft)).extracting(FieldError::field).contains(field);
    }

    @Test
    void attributesGivenAsAnImmutableMapAreAccepted() {
        CustomerProfile profile = validator.validate(new Draft().attributes(Map.of("interests", List.of("golf"))).build());

        assertThat(profile.attributes()).containsEntry("interests", List.of("golf"));
    }

    @Test
    void anAttributeWithoutAValueIsRefused() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("hobby", null);

        assertThat(refused(new Draft().attributes(attributes).build())).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attributes", "null-entry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "carriage\rreturn", "line\u2028separator"})
    void controlCharactersInAttributeValuesAreRefused(String value) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("note", value);

        List<FieldError> errors = refused(new Draft().attributes(attributes).build());

        assertThat(errors).extracting(FieldError::field).isNotEmpty().allMatch(f -> f.startsWith("attributes"));
    }

    @Test
    void aNulCharacterInANestedAttributeIsRefused() {
        // PostgreSQL's jsonb cannot hold U+0000: unless refused here, the customer fails later as a database error
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("family", new HashMap<>(Map.of("children", List.of("Wei", "Li\u0000"))));

        assertThat(refused(new Draft().attributes(attributes).build()))
                .extracting(FieldError::field).isNotEmpty().allMatch(f -> f.startsWith("attributes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"birthDate", "customerSince"})
    void aDateInTheFutureIsRefused(String field) {
        String tomorrow = "2026-06-16";
        Draft draft = field.equals("birthDate") ? new Draft().birthDate(tomorrow) : new Draft().customerSince(tomorrow);

        assertThat(refused(draft.build())).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, "out-of-range"));
    }

    @Test
    void todayIsNotInTheFuture() {
        assertThat(validator.validate(new Draft().customerSince("2026-06-15").build()).customerSince())
                .isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "15/06/2020", "yesterday", "1849-12-31"})
    void anImpossibleDateIsRefused(String date) {
        assertThat(refused(new Draft().birthDate(date).build())).extracting(FieldError::field).containsExactly("birthDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "CHN", "U.S."})
    void anUnknownCountryIsRefused(String country) {
        CustomerDraft draft = new Draft().address(new CustomerDraft.AddressDraft(null, "Springfield", null, null, country)).build();

        assertThat(refused(draft)).extracting(FieldError::field).containsExactly("address.country");
    }

    @Test
    void moreThanTenPhonesAreRefused() {
        CustomerDraft.PhoneDraft[] eleven = IntStream.range(0, 11)
                .mapToObj(i -> phone("+86 139 0000 00" + String.format("%02d", i), null, null))
                .toArray(CustomerDraft.PhoneDraft[]::new);

        assertThat(refused(new Draft().phones(eleven).build())).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phones", "too-many"));
        assertThat(validator.validate(new Draft().phones(java.util.Arrays.copyOf(eleven, 10)).build()).phones()).hasSize(10);
    }

    @Test
    void theSameNumberTwiceInOneDraftIsRefused() {
        CustomerDraft draft = new Draft().phones(phone("+1 415 555 0132", null, true), phone("(415) 555-0132", "WORK", null)).build();

        assertThat(refused(draft)).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phones[1].number", "duplicate"));
    }

    @Test
    void twoPrimaryPhonesAreRefused() {
        CustomerDraft draft = new Draft().phones(phone("+1 415 555 0132", null, true), phone("+86 138 0013 8000", null, true)).build();

        assertThat(refused(draft)).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phones", "several-primary"));
    }

    @Test
    void anUnknownPhoneLabelIsRefused() {
        assertThat(refused(new Draft().phones(phone("+1 415 555 0132", "PAGER", null)).build()))
                .extracting(FieldError::field).containsExactly("phones[0].label");
    }

    @Test
    void aNullPhoneEntryIsRefused() {
        assertThat(refused(new Draft().phones(Collections.singletonList(null)).build()))
                .extracting(FieldError::field).containsExactly("phones[0]");
    }

    @Test
    void anOverlongNameIsRefused() {
        assertThat(refused(new Draft().name("x".repeat(201)).build())).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "too-long"));
        assertThat(validator.validate(new Draft().name("x".repeat(200)).build()).name()).hasSize(200);
    }

    @Test
    void aBlankNameIsRequired() {
        assertThat(refused(new Draft().name("   ").build())).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "required"));
    }

    @Test
    void anInvalidEmailOrTimeZoneIsRefused() {
        assertThat(refused(new Draft().email("ann at example").timeZone("Mars/Olympus").build()))
                .extracting(FieldError::field).containsExactlyInAnyOrder("email", "timeZone");
    }

    @Test
    void aPhoneErrorDoesNotRepeatTheNumber() {
        List<FieldError> errors = refused(new Draft().phones(phone("+999 123 4567", null, null)).build());

        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).doesNotContain("9991234567")
                .doesNotContain("+999 123 4567"));
    }

    @Test
    void aMissingDraftIsRefused() {
        assertThat(catchThrowableOfType(() -> validator.validate(null), InvalidCustomerException.class)).isNotNull();
    }

    // ---- helpers ----

    private List<FieldError> refused(CustomerDraft draft) {
        InvalidCustomerException e = catchThrowableOfType(() -> validator.validate(draft), InvalidCustomerException.class);
        assertThat(e).as("draft should be refused: %s", draft).isNotNull();
        assertThat(e.errorId()).isEqualTo("invalid-customer");
        return e.errors();
    }

    private static CustomerDraft.PhoneDraft phone(String number, String label, Boolean primary) {
        return new CustomerDraft.PhoneDraft(number, label, primary);
    }

    private static String escape(String control) {
        return String.format("U+%04X", (int) control.charAt(0));
    }

    /** A valid individual draft, changed one field at a time. */
    static final class Draft {
        private String kind = "INDIVIDUAL";
        private String type = "CURRENT";
        private String name = "Ann Lee";
        private String email;
        private CustomerDraft.AddressDraft address;
        private String timeZone;
        private String preferredLanguage;
        private String birthDate;
        private String gender;
        private String occupation;
        private String education;
        private String industry;
        private String legalRepresentative;
        private String contactPerson;
        private String customerSince;
        private List<CustomerDraft.PhoneDraft> phones = List.of();
        private Map<String, Object> attributes;

        Draft kind(String v) { kind = v; return this; }
        Draft type(String v) { type = v; return this; }
        Draft name(String v) { name = v; return this; }
        Draft email(String v) { email = v; return this; }
        Draft address(CustomerDraft.AddressDraft v) { address = v; return this; }
        Draft timeZone(String v) { timeZone = v; return this; }
        Draft preferredLanguage(String v) { preferredLanguage = v; return this; }
        Draft birthDate(String v) { birthDate = v; return this; }
        Draft gender(String v) { gender = v; return this; }
        Draft occupation(String v) { occupation = v; return this; }
        Draft education(String v) { education = v; return this; }
        Draft industry(String v) { industry = v; return this; }
        Draft legalRepresentative(String v) { legalRepresentative = v; return this; }
        Draft contactPerson(String v) { contactPerson = v; return this; }
        Draft customerSince(String v) { customerSince = v; return this; }
        Draft phones(CustomerDraft.PhoneDraft... v) { phones = java.util.Arrays.asList(v); return this; }
        Draft phones(List<CustomerDraft.PhoneDraft> v) { phones = v; return this; }
        Draft attributes(Map<String, Object> v) { attributes = v; return this; }

        CustomerDraft build() {
            return new CustomerDraft(kind, type, name, email, address, timeZone, preferredLanguage, birthDate, gender,
                    occupation, education, industry, legalRepresentative, contactPerson, customerSince, phones, attributes);
        }
    }
}
