package io.cti.core.customers;

/** Who started a contact: the customer (INBOUND) or the business (OUTBOUND). */
public enum Direction {
    INBOUND, OUTBOUND
}
