package io.cti.core.customers;

/** The customer's relationship with the business. A LOST customer is kept, so the team can win them back. */
public enum CustomerType {
    CURRENT, POTENTIAL, LOST, DISTRIBUTOR
}
