package io.cti.core.customers;

import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;

/** One line of a search result: enough to pick the right customer from a list. Immutable. */
public record CustomerSummary(CustomerId id, String name, CustomerKind kind, CustomerType type, PhoneNumber primaryPhone,
                              String city, Grade grade) {
}
