package io.cti.router.routing;

import io.cti.core.ids.QueueName;
import io.cti.router.skills.SkillRequirement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Why a call is still waiting after routing. Immutable values. */
public sealed interface WaitReason {

    /** The reason in words. */
    String text();

    /**
     * No free Ready agent meets all of {@code requirements}.
     *
     * @param unmet         requirements that no free Ready agent meets at all (empty: some meet each, none meets all)
     * @param readyAgents   free Ready agents in total
     * @param busyWithSkill logged-in agents who meet every requirement but are not free, counted by state
     */
    record NoEligibleAgent(List<SkillRequirement> requirements, List<SkillRequirement> unmet, int readyAgents,
                           Map<String, Integer> busyWithSkill) implements WaitReason {
        public NoEligibleAgent {
            requirements = List.copyOf(requirements);
            unmet = List.copyOf(unmet);
            busyWithSkill = Map.copyOf(busyWithSkill);
        }

        @Override
        public String text() {
            String what = unmet.isEmpty()
                    ? "no free Ready agent has all of " + Words.requirements(requirements)
                    : "no free Ready agent with " + Words.requirements(unmet);
            String busy = busyWithSkill.isEmpty() ? "no logged-in agent has the skills"
                    : "agents with the skills are busy: " + busyWithSkill.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            return what + " (" + readyAgents + " free Ready agent" + (readyAgents == 1 ? "" : "s") + "; " + busy + ")";
        }
    }

    /** The call waits for the customer's last agent, as sticky routing asks. */
    record HeldForStickyAgent(StickyCheck sticky) implements WaitReason {
        public HeldForStickyAgent {
            Objects.requireNonNull(sticky, "sticky");
        }

        @Override
        public String text() {
            return sticky.text();
        }
    }

    /** The call's queue has no definition the router knows; it cannot be routed until there is one. */
    record UnknownQueue(QueueName queue) implements WaitReason {
        @Override
        public String text() {
            return "queue " + queue + " is not defined";
        }
    }

    /** Free Ready agents with the skills exist: the call is routed by the next decision or round. */
    record RoutableNow(int freeAgents) implements WaitReason {
        @Override
        public String text() {
            return freeAgents + " free Ready agent" + (freeAgents == 1 ? "" : "s")
                    + " with the skills: routed by the next decision";
        }
    }
}
