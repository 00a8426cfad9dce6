package io.cti.core.customers;

import java.util.List;
import java.util.Map;

/**
 * Customer data as it arrives from a form, an API call or an import row: every value still text, so that
 * each wrong one can be reported against its field. {@link CustomerValidator} turns it into a
 * {@link CustomerProfile}. Immutable.
 */
public record CustomerDraft(
        String kind,
        String type,
        String name,
        String email,
        AddressDraft address,
        String timeZone,
        String preferredLanguage,
        String birthDate,
        String gender,
        String occupation,
        String education,
        String industry,
        String legalRepresentative,
        String contactPerson,
        String customerSince,
        List<PhoneDraft> phones,
        Map<String, Object> attributes) {

    /** A postal address as text. */
    public record AddressDraft(String line, String city, String region, String postalCode, String country) {
    }

    /** A phone number in any common format, with its label and whether it is the one to call first. */
    public record PhoneDraft(String number, String label, Boolean primary) {
    }
}
