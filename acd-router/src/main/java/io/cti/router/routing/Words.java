package io.cti.router.routing;

import io.cti.router.skills.SkillRequirement;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** How routing explanations write requirements, durations and numbers, so every explanation reads alike. */
final class Words {

    private Words() {
    }

    static String requirement(SkillRequirement r) {
        return r.skill() + ">=" + r.minimum().level();
    }

    static String requirements(List<SkillRequirement> rs) {
        return rs.isEmpty() ? "no skills" : rs.stream().map(Words::requirement).collect(Collectors.joining(", "));
    }

    static String seconds(Duration d) {
        // Tenths of a second, without String.format: this runs for every candidate of every decision.
        long tenths = Math.round(d.toMillis() / 100.0);
        return tenths % 10 == 0 ? tenths / 10 + " s" : tenths / 10 + "." + Math.abs(tenths % 10) + " s";
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
