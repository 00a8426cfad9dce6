package io.cti.core.customers;

/** Loyalty tier from how often and how recently a customer buys; NONE for customers who never bought. */
public enum LoyaltyTier {
    PLATINUM, GOLD, SILVER, BRONZE, NONE
}
