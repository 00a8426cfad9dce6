package io.cti.router.routing;

import io.cti.core.customers.Grade;
import io.cti.router.RouterException;
import io.cti.router.skills.Skill;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of the {@link PriorityPolicy}: points per customer grade, the VIP bonus, the points an unknown caller
 * starts with, how many points a call gains per second of waiting, and which skill each {@link RedirectCause} sends a
 * call to (a cause left out redirects nothing). Built with {@link #builder()}; every problem is reported at once as
 * {@code invalid-priority-settings}. Immutable and thread-safe.
 *
 * @param agingPerSecond points a call gains for every second it waits; the same for every call, and above zero, so
 *                       that waiting calls keep their relative order (see {@link CallPriority#orderKey})
 */
public record PrioritySettings(Map<Grade, Double> gradePoints, double vipBonus, double unknownCallerPoints,
                               double agingPerSecond, Map<RedirectCause, Skill> redirects) {

    public PrioritySettings {
        gradePoints = gradePoints == null ? Map.of() : Map.copyOf(gradePoints);
        redirects = redirects == null ? Map.of() : Map.copyOf(redirects);
        List<String> problems = problems(gradePoints, vipBonus, unknownCallerPoints, agingPerSecond);
        if (!problems.isEmpty()) {
            throw RouterException.invalidPrioritySettings(problems);
        }
    }

    /** Defaults: A 300, B 200, C 100, D 0, VIP +200, unknown caller 100, one point per second, the standard skills. */
    public static Builder builder() {
        return new Builder();
    }

    public static PrioritySettings defaults() {
        return builder().build();
    }

    public double pointsFor(Grade grade) {
        return gradePoints.get(grade);
    }

    // Redirects need no check of their own: Map.copyOf has already refused a missing skill.
    private static List<String> problems(Map<Grade, Double> grades, double vip, double unknown, double aging) {
        List<String> problems = new ArrayList<>();
        Double previous = null;
        for (Grade grade : Grade.values()) {
            Double points = grades.get(grade);
            if (points == null || !Double.isFinite(points)) {
                problems.add("grade " + grade + " needs a finite number of points, not " + points);
            } else if (previous != null && points > previous) {
                // Grades order the callers: a better grade may never get fewer points than a worse one.
                problems.add("grade " + grade + " gets more points (" + points + ") than the grade before it (" + previous + ")");
            }
            previous = points == null || !Double.isFinite(points) ? previous : points;
        }
        if (!Double.isFinite(vip) || vip < 0) {
            problems.add("the VIP bonus must be zero or more: " + vip);
        }
        if (!Double.isFinite(unknown)) {
            problems.add("the unknown caller's points must be finite: " + unknown);
        }
        if (!Double.isFinite(aging) || aging <= 0) {
            // Without aging a low-grade call could starve, and the order key would divide by zero.
            problems.add("the aging rate must be above zero points per second: " + aging);
        }
        return problems;
    }

    /** Collects settings; {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder {
        private final Map<Grade, Double> gradePoints = new EnumMap<>(Map.of(Grade.A, 300.0, Grade.B, 200.0,
                Grade.C, 100.0, Grade.D, 0.0));
        private double vipBonus = 200;
        private double unknownCallerPoints = 100;
        private double agingPerSecond = 1;
        private final Map<RedirectCause, Skill> redirects = new EnumMap<>(Map.of(
                RedirectCause.LOST_CUSTOMER, Skill.WIN_BACK, RedirectCause.OVERDUE_PAYMENT, Skill.COLLECTIONS,
                RedirectCause.CHURN_WARNING, Skill.RETENTION));

        private Builder() {
        }

        public Builder grade(Grade grade, double points) {
            gradePoints.put(grade, points);
            return this;
        }

        public Builder vipBonus(double points) {
            vipBonus = points;
            return this;
        }

        public Builder unknownCallerPoints(double points) {
            unknownCallerPoints = points;
            return this;
        }

        public Builder agingPerSecond(double points) {
            agingPerSecond = points;
            return this;
        }

        /** Sends calls with {@code cause} to {@code skill}. */
        public Builder redirect(RedirectCause cause, Skill skill) {
            redirects.put(Objects.requireNonNull(cause, "cause"), Objects.requireNonNull(skill, "skill"));
            return this;
        }

        /** Calls with {@code cause} are routed like any other. */
        public Builder noRedirect(RedirectCause cause) {
            redirects.remove(cause);
            return this;
        }

        public PrioritySettings build() {
            return new PrioritySettings(new EnumMap<>(gradePoints), vipBonus, unknownCallerPoints, agingPerSecond,
                    new EnumMap<>(redirects));
        }
    }
}
