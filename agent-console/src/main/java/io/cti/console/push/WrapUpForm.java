package io.cti.console.push;

import java.time.Instant;

/**
 * The wrap-up an agent submits after a call: which call (optional: the one they are wrapping up), the disposition
 * code, notes, an optional callback time and an optional satisfaction score 1-5. Unchecked until {@link AgentDesk}
 * has seen it. Immutable.
 */
record WrapUpForm(String agentId, String callId, String disposition, String notes, Instant callbackAt,
                  Integer satisfaction) {
}
