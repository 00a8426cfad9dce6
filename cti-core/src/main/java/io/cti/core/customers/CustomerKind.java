package io.cti.core.customers;

/** Whether a customer is a person or an organization; decides which static fields apply. */
public enum CustomerKind {
    INDIVIDUAL, ORGANIZATION
}
