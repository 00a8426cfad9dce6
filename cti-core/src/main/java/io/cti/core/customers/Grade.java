package io.cti.core.customers;

/** The customer's grade from their RFM scores: A serves first, D last. */
public enum Grade {
    A, B, C, D
}
