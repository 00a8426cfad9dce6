package io.cti.bench;

import io.cti.core.customers.CustomerType;
import io.cti.core.customers.Grade;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.OverflowAction;
import io.cti.router.queues.OverflowStep;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.routing.PriorityPolicy;
import io.cti.router.routing.PrioritySettings;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.routing.WaitingCall;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded contact centre for the router benchmarks: 20 skills (4 languages, 13 products, retention, win-back,
 * collections), queues that each need a language and one or two products at a minimum proficiency (plus one queue
 * for each of retention, win-back and collections, so the priority policy's redirects have somewhere to go), with a
 * mix of strategies, overflow steps (widen skills after 60 s, move to a sibling queue after 120 s) and sticky
 * waits; agents with 1-2 languages, 2-5 products and sometimes a specialist skill; callers with grades, VIP, churn,
 * lost, overdue flags and a last agent. Every queue is drawn again until at least {@link #MIN_QUALIFIED} agents
 * qualify for it, so no queue is unservable. A queue's share of the traffic follows the number of agents qualified
 * for it (times 0.5-1.5). Deterministic for a seed. Not thread-safe.
 */
final class RouterScenario {

    static final int MIN_QUALIFIED = 30;
    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    static final List<String> LANGUAGES = List.of("english", "mandarin", "cantonese", "spanish");
    static final double[] LANGUAGE_SHARE = {0.75, 0.30, 0.12, 0.10};
    static final List<String> PRODUCTS = List.of("billing", "tech-support", "sales", "returns", "orders", "accounts",
            "insurance", "loans", "cards", "mortgage", "premium", "complaints", "technical-l2");
    static final List<String> SPECIALS = List.of("retention", "win-back", "collections");

    final Random random;
    final PriorityPolicy policy = new PriorityPolicy(PrioritySettings.defaults());
    final List<QueueDefinition> queues = new ArrayList<>();
    final List<Agent> agents = new ArrayList<>();
    /** Agents who meet every requirement of each queue (for sticky last agents). */
    final Map<QueueName, List<AgentId>> qualified = new HashMap<>();
    private final double[] queueWeights;
    private long callNumber;
    private long customerNumber;

    RouterScenario(long seed, int agentCount, int queueCount) {
        random = new Random(seed);
        for (int i = 0; i < agentCount; i++) {
            agents.add(newAgent(i));
        }
        for (String special : SPECIALS) {
            addQueue(new QueueDefinition(QueueName.of(special), special,
                    List.of(SkillRequirement.of(special, 3)), sla(), Duration.ofSeconds(5), Duration.ofMinutes(30),
                    List.of(), false, RoutingStrategy.LONGEST_IDLE, Duration.ZERO, Duration.ofSeconds(15),
                    Duration.ofSeconds(30)));
        }
        while (queues.size() < queueCount) {
            QueueDefinition q = drawQueue(queues.size());
            if (qualifiedFor(q.skills()).size() >= MIN_QUALIFIED) {
                addQueue(q);
            }
        }
        // Overflow moves go to an earlier queue of the same language, which exists once all are drawn.
        for (int i = SPECIALS.size(); i < queues.size(); i++) {
            if (random.nextDouble() < 0.2) {
                QueueDefinition q = queues.get(i);
                String language = q.skills().get(0).skill().name();
                List<QueueDefinition> siblings = queues.subList(SPECIALS.size(), queues.size()).stream()
                        .filter(o -> o != q && o.skills().get(0).skill().name().equals(language)).toList();
                if (!siblings.isEmpty()) {
                    List<OverflowStep> steps = new ArrayList<>(q.overflow());
                    steps.add(new OverflowStep(Duration.ofSeconds(120),
                            new OverflowAction.MoveToQueue(siblings.get(random.nextInt(siblings.size())).name())));
                    queues.set(i, new QueueDefinition(q.name(), q.displayName(), q.skills(), q.serviceLevel(),
                            q.shortAbandon(), q.maxWait(), steps, q.callbackOffered(), q.strategy(), q.stickyWait(),
                            q.ringTimeout(), q.wrapUp()));
                }
            }
        }
        queueWeights = new double[queues.size()];
        double sum = 0;
        for (int i = 0; i < queues.size(); i++) {
            // The special queues get their calls through redirects; the others in proportion to the agents who
            // qualify (staffing follows demand), give or take half, so no queue's backlog grows without bound.
            double w = i < SPECIALS.size() ? 0.002
                    : qualified.get(queues.get(i).name()).size() * (0.5 + random.nextDouble());
            sum += w;
            queueWeights[i] = sum;
        }
        for (int i = 0; i < queueWeights.length; i++) {
            queueWeights[i] /= sum;
        }
    }

    private static ServiceLevelTarget sla() {
        return new ServiceLevelTarget(80, Duration.ofSeconds(20));
    }

    private void addQueue(QueueDefinition q) {
        queues.add(q);
        qualified.put(q.name(), qualifiedFor(q.skills()));
    }

    private List<AgentId> qualifiedFor(List<SkillRequirement> requirements) {
        List<AgentId> ids = new ArrayList<>();
        for (Agent a : agents) {
            if (requirements.stream().allMatch(r -> r.metBy(a.skills()))) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    private QueueDefinition drawQueue(int index) {
        String language = LANGUAGES.get(pick(new double[] {0.6, 0.2, 0.1, 0.1}));
        List<SkillRequirement> skills = new ArrayList<>();
        skills.add(SkillRequirement.of(language, 3 + random.nextInt(3)));
        String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        skills.add(SkillRequirement.of(product, 1 + random.nextInt(5)));
        if (random.nextDouble() < 0.3) {
            String second = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            if (!second.equals(product)) {
                skills.add(SkillRequirement.of(second, 1 + random.nextInt(3)));
            }
        }
        double s = random.nextDouble();
        RoutingStrategy strategy = s < 0.5 ? RoutingStrategy.LONGEST_IDLE : s < 0.65 ? RoutingStrategy.FEWEST_CALLS
                : s < 0.8 ? RoutingStrategy.SKILL_WEIGHTED : s < 0.9 ? RoutingStrategy.ROUND_ROBIN : RoutingStrategy.RANDOM;
        List<OverflowStep> overflow = new ArrayList<>();
        if (random.nextDouble() < 0.4) {
            // Widen: the language and the main product at proficiency 1.
            overflow.add(new OverflowStep(Duration.ofSeconds(60), new OverflowAction.WidenSkills(List.of(
                    SkillRequirement.of(language, 1), SkillRequirement.of(product, 1)))));
        }
        Duration sticky = random.nextDouble() < 0.3 ? Duration.ofSeconds(15) : Duration.ZERO;
        String name = String.format("q%02d-%s-%s", index, language, product);
        return new QueueDefinition(QueueName.of(name), name, skills, sla(), Duration.ofSeconds(5),
                Duration.ofMinutes(30), overflow, false, strategy, sticky, Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    private Agent newAgent(int i) {
        Map<Skill, Proficiency> skills = new LinkedHashMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            if (random.nextDouble() < LANGUAGE_SHARE[l]) {
                skills.put(Skill.of(LANGUAGES.get(l)), Proficiency.of(4 + random.nextInt(7)));
            }
        }
        if (skills.isEmpty()) {
            skills.put(Skill.of("english"), Proficiency.of(4 + random.nextInt(7)));
        }
        int products = 2 + random.nextInt(4);
        int held = 0;
        while (held < products) {
            // Proficiency 1-10, more often in the middle.
            int level = Math.max(1, Math.min(10, 1 + random.nextInt(5) + random.nextInt(6)));
            if (skills.putIfAbsent(Skill.of(PRODUCTS.get(random.nextInt(PRODUCTS.size()))), Proficiency.of(level)) == null) {
                held++;
            }
        }
        double[] specialShare = {0.08, 0.05, 0.05};
        for (int s = 0; s < SPECIALS.size(); s++) {
            if (random.nextDouble() < specialShare[s]) {
                skills.put(Skill.of(SPECIALS.get(s)), Proficiency.of(3 + random.nextInt(8)));
            }
        }
        int calls = random.nextInt(30);
        Instant since = START.minusMillis(random.nextInt(240_000));
        return new Agent(AgentId.of(String.format("a%05d", i)), skills, Set.of("team-" + (i % 40)),
                "PJSIP/" + (20000 + i), new AgentState.OnCall(CallId.of("seed-" + i)), since, calls,
                since.minusMillis(random.nextInt(600_000)), Duration.ofSeconds(calls * 240L));
    }

    /** Index of a draw from cumulative or plain shares (plain shares are normalised). */
    private int pick(double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    QueueDefinition drawQueueForCall() {
        double u = random.nextDouble();
        for (int i = 0; i < queueWeights.length; i++) {
            if (u < queueWeights[i]) {
                return queues.get(i);
            }
        }
        return queues.get(queues.size() - 1);
    }

    CustomerFacts drawCustomer() {
        double u = random.nextDouble();
        if (u < 0.1) {
            return CustomerFacts.unknownCaller();
        }
        Grade grade = u < 0.2 ? Grade.A : u < 0.4 ? Grade.B : u < 0.8 ? Grade.C : Grade.D;
        CustomerFacts facts = CustomerFacts.graded(CustomerId.of(++customerNumber), grade);
        if (random.nextDouble() < 0.02) {
            facts = facts.withVip(true);
        }
        if (random.nextDouble() < 0.03) {
            facts = facts.withChurnWarning(true);
        }
        if (random.nextDouble() < 0.02) {
            facts = facts.withType(CustomerType.LOST);
        }
        if (random.nextDouble() < 0.02) {
            facts = facts.withOverduePayment(true);
        }
        return facts;
    }

    /** A new call into a queue drawn by traffic share, enqueued at {@code enqueuedAt}; 15% of known callers have a last agent. */
    WaitingCall newCall(Instant enqueuedAt) {
        QueueDefinition q = drawQueueForCall();
        CustomerFacts facts = drawCustomer();
        AgentId last = null;
        if (facts.known() && random.nextDouble() < 0.15) {
            List<AgentId> able = qualified.get(q.name());
            last = random.nextDouble() < 0.8 ? able.get(random.nextInt(able.size()))
                    : agents.get(random.nextInt(agents.size())).id();
        }
        return new WaitingCall(CallId.of("c" + (++callNumber)), q.name(),
                policy.priorityOf(facts, q.name(), queues), enqueuedAt, facts, last);
    }

    /** {@code count} calls enqueued over the {@code spread} before {@link #START}. */
    List<WaitingCall> backlog(int count, Duration spread) {
        List<WaitingCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            calls.add(newCall(START.minusMillis((long) (random.nextDouble() * spread.toMillis()))));
        }
        return calls;
    }

    /** The agent back to Ready at {@code now} after the call they were on. */
    static Agent readyAgain(Agent a, Instant now) {
        Duration talked = now.isAfter(a.since()) ? Duration.between(a.since(), now) : Duration.ZERO;
        return new Agent(a.id(), a.skills(), a.teams(), a.endpoint(), AgentState.READY, now, a.callsToday() + 1, now,
                a.talkTime().plus(talked));
    }

    /** The agent on {@code call} from {@code now}. */
    static Agent onCall(Agent a, CallId call, Instant now) {
        return new Agent(a.id(), a.skills(), a.teams(), a.endpoint(), new AgentState.OnCall(call), now, a.callsToday(),
                a.idleSince(), a.talkTime());
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        int minQ = Integer.MAX_VALUE;
        int maxQ = 0;
        Map<RoutingStrategy, Integer> strategies = new java.util.EnumMap<>(RoutingStrategy.class);
        int overflow = 0;
        int sticky = 0;
        for (QueueDefinition q : queues) {
            int n = qualified.get(q.name()).size();
            minQ = Math.min(minQ, n);
            maxQ = Math.max(maxQ, n);
            strategies.merge(q.strategy(), 1, Integer::sum);
            overflow += q.overflow().isEmpty() ? 0 : 1;
            sticky += q.stickyWait().isZero() ? 0 : 1;
        }
        double skillsPerAgent = agents.stream().mapToInt(a -> a.skills().size()).average().orElse(0);
        b.append(agents.size()).append(" agents (").append(String.format("%.1f", skillsPerAgent))
                .append(" skills each on average), ").append(queues.size()).append(" queues (strategies ")
                .append(strategies).append(", ").append(overflow).append(" with overflow steps, ").append(sticky)
                .append(" with a 15 s sticky wait; qualified agents per queue ").append(minQ).append("-").append(maxQ)
                .append("), 20 skills");
        return b.toString();
    }
}
