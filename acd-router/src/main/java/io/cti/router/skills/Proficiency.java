package io.cti.router.skills;

/** How good an agent is at a skill, 1 (novice) to 10 (expert). Immutable. */
public record Proficiency(int level) implements Comparable<Proficiency> {

    public static final int MIN = 1;
    public static final int MAX = 10;

    public Proficiency {
        if (level < MIN || level > MAX) {
            throw new IllegalArgumentException("a proficiency is " + MIN + " to " + MAX + ": " + level);
        }
    }

    public static Proficiency of(int level) {
        return new Proficiency(level);
    }

    public boolean atLeast(Proficiency other) {
        return level >= other.level;
    }

    @Override
    public int compareTo(Proficiency other) {
        return Integer.compare(level, other.level);
    }
}
