package io.cti.console.customers;

/**
 * The request bodies of the customer history endpoints. Like {@code CustomerDraft}, every value is text (JSON
 * numbers are accepted and read as text) so that each wrong one can be reported against its field;
 * {@link HistoryValidator} turns them into domain records. Immutable.
 */
final class HistoryDrafts {

    private HistoryDrafts() {
    }

    /** A purchase; {@code dueOn} set and {@code paidOn} empty means payment is still owed. */
    record PurchaseDraft(String purchasedOn, String product, String amount, String quantity, String dueOn,
                         String paidOn) {
    }

    /** One contact with the customer; {@code startedAt} empty means now. */
    record InteractionDraft(String channel, String direction, String agentId, String callId, String queue,
                            String outcome, String disposition, String notes, String startedAt, String endedAt,
                            String waitSeconds, String talkSeconds) {
    }

    /** A complaint or service request; {@code status} empty means OPEN, {@code openedAt} empty means now. */
    record ServiceRequestDraft(String kind, String subject, String status, String openedAt, String closedAt) {
    }

    /** A satisfaction score from 1 to 5, optionally about one interaction; {@code recordedAt} empty means now. */
    record SatisfactionDraft(String score, String interactionId, String recordedAt, String comment) {
    }

    /** A contact planned in the customer's care plan; {@code channel} empty means PHONE. */
    record CarePlanContactDraft(String plannedAt, String purpose, String channel, String ownerAgent) {
    }
}
