package io.cti.router.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why a call went to an agent: the priority terms and the effective priority when it was decided, the redirect and
 * overflow that shaped where it was routed, the skills the agent matched, how the agent was chosen, the candidates
 * weighed (how many, and the top few with their scores) and what sticky routing found. Kept with every decision so
 * "why did this call go to this agent?" can be answered later. Immutable.
 *
 * @param routingTerms  redirects and overflow steps that applied, such as "overflow after 60 s: moved to queue x"
 * @param skillsMatched the agent's proficiency in each required skill, such as "billing 7 (needs 3)"
 */
public record RoutingReason(List<String> priorityTerms, double effectivePriority, Duration waited,
                            List<String> routingTerms, List<String> skillsMatched, RoutingStrategy strategy, Basis basis,
                            int candidatesConsidered, List<Candidate> topCandidates, StickyCheck sticky) {

    /** How the agent came to be chosen. */
    public enum Basis {
        /** The customer's last agent was Ready with the skills. */
        STICKY_AGENT,
        /** The queue's strategy chose among the Ready agents with the skills. */
        STRATEGY,
        /** The agent became Ready while calls waited, and took the most urgent call they can serve. */
        AGENT_BECAME_READY
    }

    public RoutingReason {
        priorityTerms = List.copyOf(priorityTerms);
        Objects.requireNonNull(waited, "waited");
        routingTerms = List.copyOf(routingTerms);
        skillsMatched = List.copyOf(skillsMatched);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(basis, "basis");
        topCandidates = List.copyOf(topCandidates);
        Objects.requireNonNull(sticky, "sticky");
    }

    /** The whole reason as one readable paragraph. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("priority ").append(Words.number(effectivePriority)).append(" (")
                .append(String.join(", ", priorityTerms)).append(", waited ").append(Words.seconds(waited)).append(')');
        if (!routingTerms.isEmpty()) {
            text.append("; ").append(String.join("; ", routingTerms));
        }
        text.append("; skills ").append(skillsMatched.isEmpty() ? "none required" : String.join(", ", skillsMatched));
        text.append("; ").append(choice());
        text.append("; sticky: ").append(sticky.text());
        return text.toString();
    }

    private String choice() {
        String top = topCandidates.stream().map(Candidate::toString).collect(Collectors.joining(", "));
        return switch (basis) {
            case STICKY_AGENT -> "sticky agent (strategy " + strategy + " not needed)";
            case STRATEGY -> "strategy " + strategy + " among " + candidatesConsidered + " Ready candidate"
                    + (candidatesConsidered == 1 ? "" : "s") + ": " + top;
            case AGENT_BECAME_READY -> "agent became Ready and took the most urgent of " + candidatesConsidered
                    + " waiting call" + (candidatesConsidered == 1 ? "" : "s") + " it can serve";
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
