package io.cti.router.staff;

import io.cti.core.ids.AgentId;
import io.cti.router.queues.InputChecks;
import io.cti.router.queues.QueueValidator;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an {@link AgentDraft} or a {@link ReasonCodeDraft} field by field and either returns what it describes
 * or throws {@code invalid-agent} / {@code invalid-reason-code} listing every error with its field path.
 * Thread-safe (stateless).
 */
public final class AgentValidator {

    /** Agent logins travel in URLs, AMI actions (as member names) and logs. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final Pattern TEAM = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    static final int MAX_SKILLS = 30;
    static final int MAX_TEAMS = 10;
    static final int MAX_LABEL = 100;

    public AgentProfile validate(AgentDraft draft) {
        InputChecks checks = new InputChecks();
        if (draft == null) {
            checks.add("", "required", "an agent is required");
            checks.throwIfAny("agent");
        }
        String id = checks.required("id", checks.matching("id", draft.id(), ID, "invalid-id",
                "an agent id (login) is 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        String displayName = checks.text("displayName", draft.displayName(), InputChecks.MAX_TEXT);
        Map<Skill, Proficiency> skills = skills(checks, draft.skills());
        List<String> teams = teams(checks, draft.teams());
        PhoneEndpoint endpoint = checks.required("endpoint", endpoint(checks, draft.endpoint()));
        checks.throwIfAny("agent");
        return new AgentProfile(AgentId.of(id), displayName == null ? id : displayName, skills, teams, endpoint);
    }

    public ReasonCode validate(ReasonCodeDraft draft) {
        InputChecks checks = new InputChecks();
        if (draft == null) {
            checks.add("", "required", "a reason code is required");
            checks.throwIfAny("reason-code");
        }
        String code = checks.required("code", checks.matching("code", draft.code(), CODE, "invalid-code",
                "a reason code is 1-32 lower-case letters, digits, '-' or '_', starting with a letter"));
        String label = checks.required("label", checks.text("label", draft.label(), MAX_LABEL));
        checks.throwIfAny("reason-code");
        return new ReasonCode(code, label, Boolean.TRUE.equals(draft.productive()));
    }

    private static Map<Skill, Proficiency> skills(InputChecks checks, List<AgentDraft.SkillDraft> drafts) {
        if (drafts == null) {
            return Map.of();
        }
        if (drafts.size() > MAX_SKILLS) {
            checks.add("skills", "too-many", "at most " + MAX_SKILLS + " skills");
            return Map.of();
        }
        Map<Skill, Proficiency> skills = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            String entry = "skills[" + i + "]";
            AgentDraft.SkillDraft draft = drafts.get(i);
            if (draft == null) {
                checks.add(entry, "required", "a skill entry must not be null");
                continue;
            }
            Skill skill = QueueValidator.skill(checks, entry + ".skill", draft.skill());
            if (skill != null && skills.containsKey(skill)) {
                checks.add(entry + ".skill", "duplicate", "skill '" + skill + "' is listed twice");
                skill = null;
            }
            Integer level = checks.required(entry + ".proficiency",
                    checks.range(entry + ".proficiency", draft.proficiency(), Proficiency.MIN, Proficiency.MAX, null));
            if (skill != null && level != null) {
                skills.put(skill, Proficiency.of(level));
            }
        }
        return skills;
    }

    private static List<String> teams(InputChecks checks, List<String> drafts) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_TEAMS) {
            checks.add("teams", "too-many", "at most " + MAX_TEAMS + " teams");
            return List.of();
        }
        Set<String> teams = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = "teams[" + i + "]";
            String typed = drafts.get(i);
            String team = typed == null ? null : typed.strip().toLowerCase(Locale.ROOT);
            team = checks.required(field, checks.matching(field, team, TEAM, "invalid-team",
                    "a team name is 1-64 letters, digits, '-' or '_', starting with a letter"));
            if (team != null && !teams.add(team)) {
                checks.add(field, "duplicate", "team '" + team + "' is listed twice");
            }
        }
        List<String> sorted = new ArrayList<>(teams);
        sorted.sort(null);
        return sorted;
    }

    private static PhoneEndpoint endpoint(InputChecks checks, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.codePoints().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
            // Said apart from other mistakes: a CR or LF here would start a new line in an AMI action.
            checks.add("endpoint", "not-printable-ascii", "an endpoint is printable ASCII only, without control or line-break characters");
            return null;
        }
        try {
            return PhoneEndpoint.parse(text);
        } catch (IllegalArgumentException e) {
            checks.add("endpoint", "invalid-endpoint", e.getMessage() + ": '" + text + "'");
            return null;
        }
    }
}
