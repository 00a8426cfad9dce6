package io.cti.core.customers;

/** What a customer's phone number is for. */
public enum PhoneLabel {
    MOBILE, HOME, WORK, FAX, OTHER
}
