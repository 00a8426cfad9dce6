package io.cti.router.staff;

import io.cti.router.RouterException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The thirty agents of the demo call center, {@code agent01} to {@code agent30} at {@code PJSIP/2001} to
 * {@code PJSIP/2030}, in three teams, with skills spread so that every demo queue (see
 * io.cti.router.queues.DemoQueues) has several agents who meet its requirements at varied proficiency.
 * Loaded only into a database that has never held an agent. Thread-safe (stateless).
 */
public final class DemoAgents {

    static final int COUNT = 30;
    static final int FIRST_EXTENSION = 2001;

    /** Name, then skills as {@code skill:proficiency}; agent n is row n-1. */
    private static final String[][] ROWS = {
            {"Alice Chen", "sales:9", "support:5", "english:9", "mandarin:8"},
            {"王芳", "sales:8", "support:4", "mandarin:10", "english:6"},
            {"Brian Walker", "sales:7", "win-back:5", "english:9"},
            {"李娜", "sales:6", "support:6", "mandarin:10"},
            {"Carmen Diaz", "sales:5", "billing:3", "english:8"},
            {"张伟", "sales:4", "retention:5", "mandarin:9", "english:5"},
            {"Daniel Kim", "sales:3", "support:3", "english:9"},
            {"刘洋", "sales:10", "vip:7", "mandarin:9", "english:7"},
            {"Emma Novak", "support:10", "technical:9", "english:9"},
            {"陈静", "support:9", "billing:4", "mandarin:10"},
            {"Farid Haddad", "support:8", "technical:7", "english:8"},
            {"杨磊", "support:7", "mandarin:9", "english:4"},
            {"Grace Obi", "support:6", "billing:5", "english:10"},
            {"赵敏", "support:5", "sales:3", "mandarin:10"},
            {"Hiro Tanaka", "support:4", "technical:8", "english:7"},
            {"黄丽", "support:3", "collections:4", "mandarin:9"},
            {"Ivan Petrov", "billing:9", "collections:7", "english:8"},
            {"周杰", "billing:8", "collections:6", "mandarin:10"},
            {"Julia Rossi", "billing:6", "support:4", "english:9"},
            {"吴婷", "billing:4", "collections:8", "mandarin:9", "english:5"},
            {"Kofi Mensah", "retention:9", "win-back:8", "sales:6", "english:9"},
            {"徐楠", "retention:7", "win-back:6", "mandarin:10"},
            {"Laura Schmidt", "retention:6", "win-back:4", "support:5", "english:8"},
            {"孙浩", "retention:5", "win-back:7", "sales:5", "mandarin:9"},
            {"Maya Patel", "vip:10", "retention:8", "sales:7", "english:10"},
            {"马超", "vip:8", "retention:6", "mandarin:10", "english:7"},
            {"Noah Evans", "vip:7", "sales:8", "english:9"},
            {"朱琳", "collections:9", "billing:5", "mandarin:9"},
            {"Oscar Lind", "collections:6", "billing:7", "english:8"},
            {"胡军", "collections:5", "support:6", "mandarin:10", "english:5"},
    };

    private final AgentValidator validator = new AgentValidator();

    /** The demo profiles as drafts, agent01 first. */
    static List<AgentDraft> drafts() {
        List<AgentDraft> drafts = new ArrayList<>();
        for (int n = 1; n <= COUNT; n++) {
            String[] row = ROWS[n - 1];
            List<AgentDraft.SkillDraft> skills = Arrays.stream(row, 1, row.length)
                    .map(s -> new AgentDraft.SkillDraft(s.substring(0, s.indexOf(':')), Integer.parseInt(s.substring(s.indexOf(':') + 1))))
                    .toList();
            String team = "team-" + (char) ('a' + (n - 1) % 3);
            drafts.add(new AgentDraft("agent%02d".formatted(n), row[0], skills, List.of(team),
                    "PJSIP/" + (FIRST_EXTENSION + n - 1)));
        }
        return drafts;
    }

    /**
     * Stores the demo agents if no agent was ever stored; returns how many were stored. Another process seeding
     * at the same moment is tolerated: an agent it stored first is skipped.
     */
    public int loadInto(AgentRepository agents) {
        if (!agents.isEmpty()) {
            return 0;
        }
        int stored = 0;
        for (AgentDraft draft : drafts()) {
            try {
                agents.create(validator.validate(draft));
                stored++;
            } catch (RouterException e) {
                if (!lostToAnotherSeeder(e)) {
                    throw e;
                }
            }
        }
        return stored;
    }

    /** A concurrent seeder stored this agent first: its id is taken, or (in the same race) its endpoint. */
    private static boolean lostToAnotherSeeder(RouterException e) {
        return e.errorId().equals("duplicate-agent") || e instanceof RouterException.InvalidInput invalid
                && invalid.fieldErrors().stream().allMatch(f -> f.code().equals("endpoint-taken"));
    }
}
