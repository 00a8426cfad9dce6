package io.cti.router.routing;

import io.cti.router.skills.SkillRequirement;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * A whole number as it is, anything else to one decimal as {@code String.format(Locale.ROOT, "%.1f", value)}
     * writes it, without a Formatter: a priority is written for every routing decision.
     */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        // BigDecimal has no negative zero; the Formatter keeps the sign of what rounds to it.
        return value < 0 && rounded.charAt(0) != '-' ? "-" + rounded : rounded;
    }
}
