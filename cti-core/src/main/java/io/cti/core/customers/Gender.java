package io.cti.core.customers;

/** Gender of an individual customer, as the customer chose to state it. */
public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
