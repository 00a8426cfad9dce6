package io.cti.router.routing;

import java.util.List;
import java.util.Objects;

/**
 * What one routing round decided: the calls given to agents, most urgent first, why every other call still waits,
 * and the round-robin memory to keep for the next round. Immutable.
 */
public record RoundResult(List<RoutingDecision> decisions, List<WaitExplanation> waiting, RoundRobinMemory memory) {

    public RoundResult {
        decisions = List.copyOf(decisions);
        waiting = List.copyOf(waiting);
        Objects.requireNonNull(memory, "memory");
    }
}
