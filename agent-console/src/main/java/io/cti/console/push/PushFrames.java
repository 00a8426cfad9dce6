package io.cti.console.push;

import io.cti.core.customers.CustomerCard;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;
import io.cti.core.web.ApiError;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The frames the push socket sends, as JSON {@code {"type": ..., "data": ...}}: {@code pop} (the screen-pop, only to
 * its agent), {@code agent-state}, {@code queue-figures}, the two snapshots sent on connect ({@code agent-snapshot},
 * {@code wallboard-snapshot}), {@code accepted} and {@code error} answers to the client's actions, and
 * {@code heartbeat}. Times are ISO instants, durations seconds, rates fractions 0..1 (negative while nothing was
 * offered). Thread-safe (stateless but for the shared mapper).
 */
final class PushFrames {

    record Frame(String type, Object data) {
    }

    record Pop(String callId, String agentId, String queue, String callerNumber, boolean knownCaller, CustomerCard card,
               double waitedSeconds, List<String> ivrChoices, int contactsToday, String routingReason, Instant at) {
    }

    record AgentState(String agentId, String status, String reasonCode, Instant since, String callId,
                      Instant wrapUpEnds, Instant at) {
    }

    record QueueFigures(String queue, int waiting, double longestWaitSeconds, double serviceLevelRolling,
                        double serviceLevelToday, double averageSpeedOfAnswerSeconds, double averageHandleTimeSeconds,
                        double abandonRate, int answeredToday, int abandonedToday, Map<String, Integer> agentsByState,
                        Instant at) {
    }

    record Refused(String agentId, String callId, String request, String requestType, String reasonId, String reason,
                   Instant at) {
    }

    record AgentSnapshot(String agentId, AgentState state, Pop pop) {
    }

    record WallboardSnapshot(List<QueueFigures> queues, List<AgentState> agents) {
    }

    private final JsonMapper json;

    PushFrames(JsonMapper json) {
        this.json = json;
    }

    OutboundFrame pop(ScreenPopReady pop) {
        return frame("pop", popView(pop));
    }

    OutboundFrame agentState(AgentStateChanged state) {
        return frame("agent-state", stateView(state));
    }

    OutboundFrame refused(CallControlRefused r) {
        return frame("call-control-refused", new Refused(r.agentId().value(),
                r.callId() == null ? null : r.callId().value(), r.request().toString(), r.requestType(), r.reasonId(),
                r.reason(), r.occurredAt()));
    }

    OutboundFrame queueFigures(QueueFiguresUpdated figures) {
        return frame("queue-figures", figuresView(figures));
    }

    OutboundFrame agentSnapshot(String agentId, AgentStateChanged state, ScreenPopReady pop) {
        return frame("agent-snapshot", new AgentSnapshot(agentId, state == null ? null : stateView(state),
                pop == null ? null : popView(pop)));
    }

    OutboundFrame wallboardSnapshot(List<QueueFiguresUpdated> queues, List<AgentStateChanged> agents) {
        return frame("wallboard-snapshot", new WallboardSnapshot(queues.stream().map(PushFrames::figuresView).toList(),
                agents.stream().map(PushFrames::stateView).toList()));
    }

    OutboundFrame accepted(String action, Map<String, Object> details) {
        return frame("accepted", Map.of("action", action, "details", details));
    }

    OutboundFrame error(ApiError error) {
        return frame("error", error);
    }

    OutboundFrame heartbeat(Instant at) {
        return frame("heartbeat", Map.of("at", at));
    }

    private OutboundFrame frame(String type, Object data) {
        return OutboundFrame.of(json.writeValueAsString(new Frame(type, data)));
    }

    private static Pop popView(ScreenPopReady p) {
        return new Pop(p.callId().value(), p.agentId().value(), p.queue().value(), p.callerNumber(), p.knownCaller(),
                p.card(), seconds(p.waited()), p.ivrChoices(), p.contactsToday(), p.routingReason(), p.occurredAt());
    }

    private static AgentState stateView(AgentStateChanged s) {
        return new AgentState(s.agentId().value(), s.status().name(), s.reasonCode(), s.since(),
                s.callId() == null ? null : s.callId().value(), s.wrapUpEnds(), s.occurredAt());
    }

    private static QueueFigures figuresView(QueueFiguresUpdated f) {
        return new QueueFigures(f.queue().value(), f.waiting(), seconds(f.longestWait()), f.serviceLevelRolling(),
                f.serviceLevelToday(), seconds(f.averageSpeedOfAnswer()), seconds(f.averageHandleTime()),
                f.abandonRate(), f.answeredToday(), f.abandonedToday(), f.agentsByState(), f.occurredAt());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
