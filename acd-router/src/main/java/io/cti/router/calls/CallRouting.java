package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;

import java.time.Instant;

/**
 * "Why did this call go to this agent, and why did it wait?" for one call: the queue dialed and the queue routed in,
 * the agent (null while waiting), the decision's reason, the last reason it waited, and where the call is now
 * ({@code waiting}, {@code routed}, {@code answered}, {@code ended}). Immutable.
 */
public record CallRouting(CallId callId, String phase, QueueName queue, QueueName routedQueue, AgentId agent,
                          String reason, String waitReason, Instant arrivedAt, Instant decidedAt) {
}
