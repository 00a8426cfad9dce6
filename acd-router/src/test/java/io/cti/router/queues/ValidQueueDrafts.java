package io.cti.router.queues;

import io.cti.router.routing.RoutingStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes random queue drafts that obey every rule, from a seed: names, skills, service level, limits, overflow
 * steps that widen (dropping skills or lowering minimums) and may end by moving to {@link #TARGET}. Stateless.
 */
final class ValidQueueDrafts {

    /** The one other queue generated drafts may move calls to; the caller makes it exist. */
    static final String TARGET = "overflow-target";
    private static final List<String> SKILLS = List.of("sales", "support", "billing", "mandarin", "english", "vip", "win-back", "tier_2");

    private ValidQueueDrafts() {
    }

    static QueueDraft draft(long seed, String name) {
        Random random = new Random(seed);
        int maxWait = 30 + random.nextInt(3600);
        List<String> pool = new ArrayList<>(SKILLS);
        Collections.shuffle(pool, random);
        List<QueueDraft.SkillDraft> skills = new ArrayList<>();
        for (String skill : pool.subList(0, random.nextInt(5))) {
            skills.add(new QueueDraft.SkillDraft(random.nextBoolean() ? skill : skill.toUpperCase(Locale.ROOT), 1 + random.nextInt(10)));
        }
        List<QueueDraft.OverflowDraft> overflow = new ArrayList<>();
        List<QueueDraft.SkillDraft> inForce = skills;
        int after = 0;
        for (int step = random.nextInt(4); step > 0 && after + 1 < maxWait - 1; step--) {
            after += 1 + random.nextInt(Math.max(1, (maxWait - after - 1) / 3));
            if (after >= maxWait) {
                break;
            }
            List<QueueDraft.SkillDraft> widened = new ArrayList<>();
            for (QueueDraft.SkillDraft skill : inForce) {
                if (random.nextInt(4) > 0) {
                    widened.add(new QueueDraft.SkillDraft(skill.skill(), 1 + random.nextInt(skill.minimum())));
                }
            }
            overflow.add(new QueueDraft.OverflowDraft(after, widened, null));
            inForce = widened;
        }
        int lastAfter = overflow.isEmpty() ? 0 : overflow.get(overflow.size() - 1).afterSeconds();
        if (random.nextBoolean() && lastAfter + 1 < maxWait) {
            overflow.add(new QueueDraft.OverflowDraft(lastAfter + 1 + random.nextInt(maxWait - lastAfter - 1), null, TARGET));
        }
        RoutingStrategy strategy = RoutingStrategy.values()[random.nextInt(RoutingStrategy.values().length)];
        String typedStrategy = random.nextBoolean() ? strategy.name() : strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new QueueDraft(name, random.nextBoolean() ? null : "Queue 队列 " + seed,
                skills, new QueueDraft.ServiceLevelDraft(1 + random.nextInt(100), 1 + random.nextInt(maxWait)),
                random.nextInt(maxWait), maxWait, overflow, random.nextBoolean(), typedStrategy,
                random.nextInt(maxWait), 5 + random.nextInt(116), random.nextInt(601));
    }
}
