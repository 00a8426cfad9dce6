package io.cti.pbxsim;

import io.cti.pbxsim.traffic.Delay;
import io.cti.pbxsim.traffic.InboundQueue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of the standalone simulator's options, each failure a {@link PbxSimException} naming the
 * option and the value. Stateless.
 */
final class OptionValues {

    private static final Pattern QUEUE = Pattern.compile("([A-Za-z0-9_.-]+)=(\\+?[0-9]+)(?::([0-9*#]+))?@(.+)");
    private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([smhd]?)");

    private OptionValues() {
    }

    static int port(String option, String value) {
        int port = integer(option, value);
        if (port < 0 || port > 65535) {
            throw PbxSimException.badArgument(option, "not a port: " + value);
        }
        return port;
    }

    static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw PbxSimException.badArgument(option, "not a whole number: " + value);
        }
    }

    static long seed(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw PbxSimException.badArgument(option, "not a whole number: " + value);
        }
    }

    static double decimal(String option, String value, double min, double max) {
        try {
            double number = Double.parseDouble(value.trim());
            if (!(number >= min && number <= max)) {
                throw PbxSimException.badArgument(option, "must be between " + min + " and " + max + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw PbxSimException.badArgument(option, "not a number: " + value);
        }
    }

    /** {@code 90s}, {@code 15m}, {@code 8h}, {@code 2d}, plain seconds, or ISO-8601 ({@code PT8H}). */
    static Duration duration(String option, String value) {
        Matcher matcher = SHORT_DURATION.matcher(value.trim());
        if (matcher.matches()) {
            double amount = Double.parseDouble(matcher.group(1));
            long unitSeconds = switch (matcher.group(2)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86_400;
                default -> 1;
            };
            return Duration.ofMillis(Math.round(amount * unitSeconds * 1000));
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw PbxSimException.badArgument(option, "not a duration (such as 90s, 15m, 8h or PT8H): " + value);
        }
    }

    static Instant instant(String option, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw PbxSimException.badArgument(option, "not an instant such as 2025-01-06T08:00:00Z: " + value);
        }
    }

    static ZoneId zone(String option, String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw PbxSimException.badArgument(option, "not a time zone id such as Europe/Berlin: " + value);
        }
    }

    /** {@code NAME=DNIS[:DIGITS]@RATE}: callers of queue NAME dial DNIS (keying DIGITS) at RATE calls per hour. */
    static InboundQueue queue(String option, String value) {
        Matcher matcher = QUEUE.matcher(value.trim());
        if (!matcher.matches()) {
            throw PbxSimException.badArgument(option, "expected NAME=DNIS[:DIGITS]@RATE (such as "
                    + "support=5550100@120), got " + value);
        }
        double rate = decimal(option, matcher.group(4), 0, 1_000_000);
        InboundQueue queue = InboundQueue.poisson(matcher.group(1), matcher.group(2), rate);
        return matcher.group(3) == null ? queue : queue.withDigits(matcher.group(3));
    }

    /** {@code NAME=r0,...,r23}: the queue's calls per hour for each hour of the day. */
    static double[] dayCurve(String option, String rates) {
        String[] parts = rates.split(",");
        if (parts.length != 24) {
            throw PbxSimException.badArgument(option, "a day curve needs 24 hourly rates, got " + parts.length);
        }
        double[] curve = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            curve[hour] = decimal(option, parts[hour], 0, 1_000_000);
        }
        return curve;
    }

    /** {@code 2001-2010}, {@code 2001,2002} or devices such as {@code PJSIP/2001}; bare numbers mean PJSIP. */
    static List<String> agents(String option, String value) {
        List<String> devices = new ArrayList<>();
        for (String part : value.split(",")) {
            String item = part.trim();
            if (item.matches("[0-9]+-[0-9]+")) {
                int first = Integer.parseInt(item.substring(0, item.indexOf('-')));
                int last = Integer.parseInt(item.substring(item.indexOf('-') + 1));
                if (last < first || last - first > 10_000) {
                    throw PbxSimException.badArgument(option, "not a sensible range: " + item);
                }
                for (int extension = first; extension <= last; extension++) {
                    devices.add("PJSIP/" + extension);
                }
            } else if (item.matches("[0-9]+")) {
                devices.add("PJSIP/" + item);
            } else if (item.matches("[A-Za-z0-9]+/[A-Za-z0-9_.-]+")) {
                devices.add(item);
            } else {
                throw PbxSimException.badArgument(option, "not an agent phone: " + item);
            }
        }
        return devices;
    }

    /** {@code MIN-MAX} (uniform) or one number of seconds. */
    static Delay uniformDelay(String option, String value) {
        String[] parts = value.split("-");
        double min = decimal(option, parts[0], 0, 86_400);
        double max = parts.length > 1 ? decimal(option, parts[1], 0, 86_400) : min;
        if (parts.length > 2 || max < min) {
            throw PbxSimException.badArgument(option, "expected MIN-MAX seconds with MIN <= MAX, got " + value);
        }
        return Delay.uniform(min, max);
    }

    /** {@code MEAN[,SD]} seconds, lognormal. */
    static Delay lognormal(String option, String value) {
        String[] parts = value.split(",");
        double mean = decimal(option, parts[0], 0.001, 86_400);
        double sd = parts.length > 1 ? decimal(option, parts[1], 0, 86_400) : 0;
        if (parts.length > 2) {
            throw PbxSimException.badArgument(option, "expected MEAN[,SD] seconds, got " + value);
        }
        return Delay.lognormal(mean, sd);
    }

    /** One number per line; blank lines and lines starting with # are skipped. */
    static List<String> numbers(String option, Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw PbxSimException.badArgument(option, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
