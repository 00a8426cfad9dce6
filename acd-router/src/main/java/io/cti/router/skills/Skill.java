package io.cti.router.skills;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A skill an agent can have and a queue can require ({@code billing}, {@code retention}, {@code mandarin}),
 * lower-case so that {@code Billing} and {@code billing} are one skill. Immutable.
 */
public record Skill(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    /** The skill a churn warning sends a call to. */
    public static final Skill RETENTION = new Skill("retention");
    /** The skill of the team that wins lost customers back. */
    public static final Skill WIN_BACK = new Skill("win-back");
    /** The skill of the collections team, for customers with overdue payments. */
    public static final Skill COLLECTIONS = new Skill("collections");

    public Skill {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a skill name is 1-64 characters: a letter, then letters, digits, '_' "
                    + "or '-': '" + name + "'");
        }
    }

    /** Reads a skill name as people type it: trimmed and lower-cased. */
    public static Skill of(String name) {
        return new Skill(name == null ? null : name.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
