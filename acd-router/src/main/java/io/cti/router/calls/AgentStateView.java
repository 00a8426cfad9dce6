package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStatus;

import java.time.Duration;
import java.time.Instant;

/** One agent on the wallboard: state, reason, time in state, call, calls handled and average handle time. Immutable. */
public record AgentStateView(AgentId agentId, AgentStatus status, String reasonCode, Instant since,
                             Duration timeInState, CallId callId, int callsToday, Duration averageHandleTime,
                             Instant wrapUpEnds) {
}
