package io.cti.core.customers;

/** How a contact with a customer took place. */
public enum Channel {
    PHONE, EMAIL, CHAT, SMS, VISIT, MAIL
}
