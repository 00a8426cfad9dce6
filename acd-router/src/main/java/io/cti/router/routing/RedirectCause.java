package io.cti.router.routing;

/**
 * Why a call is sent to a special skill instead of (or on top of) the queue it was dialed into, in order of
 * precedence: only the first cause that applies redirects a call. A lost customer goes to win-back before anything
 * else (there is nothing left to retain); a debt is settled before a retention offer is made. Immutable.
 */
public enum RedirectCause {
    /** The customer's type is LOST: the win-back team calls them. */
    LOST_CUSTOMER("lost customer", false),
    /** The customer has an overdue payment: collections, but only where a collections queue exists. */
    OVERDUE_PAYMENT("overdue payment", true),
    /** The customer's figures raise a churn warning: the retention team. */
    CHURN_WARNING("churn warning", false);

    private final String words;
    private final boolean onlyToExistingQueue;

    RedirectCause(String words, boolean onlyToExistingQueue) {
        this.words = words;
        this.onlyToExistingQueue = onlyToExistingQueue;
    }

    /**
     * Whether this cause redirects only when a queue requiring the skill exists. Causes that do not need one add the
     * skill to the call's own queue instead, so the call waits for an agent who has it.
     */
    public boolean onlyToExistingQueue() {
        return onlyToExistingQueue;
    }

    @Override
    public String toString() {
        return words;
    }
}
