package io.cti.platform.routing;

import io.cti.core.ids.CallId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.router.calls.AgentStateView;
import io.cti.router.calls.CallRouting;
import io.cti.router.calls.InboundCallFlow;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The router's read-only REST snapshots: why a call went where it went, the queues' real-time figures and the
 * agents' states. Times in seconds, rates as fractions 0..1 (negative while nothing was offered). Thread-safe.
 */
@RestController
@ConditionalOnProperty(prefix = "cti.router", name = "enabled", havingValue = "true", matchIfMissing = true)
class RoutingController {

    /** One queue on the wallboard. */
    record QueueStats(String queue, int waiting, double longestWaitSeconds, double serviceLevelRolling,
                      double serviceLevelToday, double averageSpeedOfAnswerSeconds, double averageHandleTimeSeconds,
                      double abandonRate, int answeredToday, int abandonedToday, Map<String, Integer> agentsByState,
                      Instant at) {
    }

    /** One agent on the wallboard. */
    record AgentState(String agentId, String status, String reasonCode, Instant since, double timeInStateSeconds,
                      String callId, int callsToday, double averageHandleTimeSeconds, Instant wrapUpEnds) {
    }

    /** Why a call went where it went, and why it waited. */
    record Routing(String callId, String phase, String queue, String routedQueue, String agent, String reason,
                   String waitReason, Instant arrivedAt, Instant decidedAt) {
    }

    private final InboundCallFlow flow;

    RoutingController(InboundCallFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/api/calls/{callId}/routing")
    ResponseEntity<Routing> routing(@PathVariable String callId) {
        CallId call;
        try {
            call = CallId.of(callId);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        return flow.routingOf(call).map(RoutingController::routing).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/api/queues/stats")
    List<QueueStats> queueStats() {
        return flow.queueFigures().stream().map(RoutingController::stats).toList();
    }

    @GetMapping("/api/agents/states")
    List<AgentState> agentStates() {
        return flow.agentStates().stream().map(RoutingController::state).toList();
    }

    private static Routing routing(CallRouting r) {
        return new Routing(r.callId().value(), r.phase(), r.queue().value(), r.routedQueue().value(),
                r.agent() == null ? null : r.agent().value(), r.reason(), r.waitReason(), r.arrivedAt(), r.decidedAt());
    }

    private static QueueStats stats(QueueFiguresUpdated f) {
        return new QueueStats(f.queue().value(), f.waiting(), seconds(f.longestWait()), f.serviceLevelRolling(),
                f.serviceLevelToday(), seconds(f.averageSpeedOfAnswer()), seconds(f.averageHandleTime()),
                f.abandonRate(), f.answeredToday(), f.abandonedToday(), f.agentsByState(), f.occurredAt());
    }

    private static AgentState state(AgentStateView a) {
        return new AgentState(a.agentId().value(), a.status().name(), a.reasonCode(), a.since(),
                seconds(a.timeInState()), a.callId() == null ? null : a.callId().value(), a.callsToday(),
                seconds(a.averageHandleTime()), a.wrapUpEnds());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
