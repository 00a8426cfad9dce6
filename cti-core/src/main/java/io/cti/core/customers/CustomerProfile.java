package io.cti.core.customers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The static data of a customer, already validated: who they are, how to reach them, and the less common
 * details in {@code attributes} (interests, family, contact preferences, ...). Immutable.
 */
public record CustomerProfile(
        CustomerKind kind,
        CustomerType type,
        String name,
        String email,
        Address address,
        ZoneId timeZone,
        String preferredLanguage,
        LocalDate birthDate,
        Gender gender,
        String occupation,
        String education,
        String industry,
        String legalRepresentative,
        String contactPerson,
        LocalDate customerSince,
        List<CustomerPhone> phones,
        Map<String, Object> attributes) {

    public CustomerProfile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        address = address == null ? Address.NONE : address;
        phones = List.copyOf(phones == null ? List.of() : phones);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Optional<CustomerPhone> primaryPhone() {
        return phones.stream().filter(CustomerPhone::primary).findFirst().or(() -> phones.stream().findFirst());
    }
}
