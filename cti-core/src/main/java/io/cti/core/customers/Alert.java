package io.cti.core.customers;

/** Something the agent should know before saying hello, shown on the screen-pop. Immutable. */
public record Alert(Kind kind, String message) {

    /** The alerts a screen-pop can raise, in the order an agent should read them. */
    public enum Kind { VIP, OVERDUE_PAYMENT, OPEN_COMPLAINT, CHURN_RISK, WIN_BACK, BIRTHDAY, ANNIVERSARY, NEXT_CONTACT }
}
