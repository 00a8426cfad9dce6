package io.cti.router.routing;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why a call is still waiting, with what shaped its routing: the queue it is routed in now, its effective priority
 * and terms, redirect and overflow, what sticky routing found, and the {@link WaitReason}. Immutable.
 */
public record WaitExplanation(CallId call, QueueName queue, double effectivePriority, Duration waited,
                              List<String> priorityTerms, List<String> routingTerms, StickyCheck sticky,
                              WaitReason reason) {

    public WaitExplanation {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(waited, "waited");
        priorityTerms = List.copyOf(priorityTerms);
        routingTerms = List.copyOf(routingTerms);
        Objects.requireNonNull(sticky, "sticky");
        Objects.requireNonNull(reason, "reason");
    }

    /** "call c9 waits in queue sales: no free Ready agent with retention>=1 (...); priority 112 (...)" */
    public String text() {
        StringBuilder text = new StringBuilder("call ").append(call).append(" waits in queue ").append(queue)
                .append(": ").append(reason.text())
                .append("; priority ").append(Words.number(effectivePriority)).append(" (")
                .append(String.join(", ", priorityTerms)).append(", waited ").append(Words.seconds(waited)).append(')');
        if (!routingTerms.isEmpty()) {
            text.append("; ").append(String.join("; ", routingTerms));
        }
        if (!(reason instanceof WaitReason.HeldForStickyAgent)) {
            text.append("; sticky: ").append(sticky.text());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
