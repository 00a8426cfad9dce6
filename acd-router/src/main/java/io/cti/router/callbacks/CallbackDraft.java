package io.cti.router.callbacks;

/**
 * A callback as the API receives it, before validation: the customer's number (any form the default region reads,
 * stored as E.164), the queue it is for, when (an ISO-8601 date-time with an offset, such as
 * {@code 2026-12-01T14:30:00+01:00}), the agent to prefer (optional) and a note for the agent (optional, up to 500
 * characters). Immutable.
 */
public record CallbackDraft(String number, String queue, String dueAt, String agentId, String note) {
}
