package io.cti.pbxsim.traffic;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a population file line by line against the binding format: blank lines and lines starting with
 * {@code #} are skipped; every other line is one JSON object with the fields of the format, each checked for type
 * and range, defaults filled in. Not thread-safe; one instance per file.
 */
final class PopulationParser {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Set<String> FIELDS = Set.of("phone", "timeZone", "answer", "machine", "busy",
            "answerDelaySeconds", "talkSeconds", "segment", "customerRef");

    private final String source;
    private final Map<String, Callee> callees = new LinkedHashMap<>();
    private final Map<String, Integer> lineOfPhone = new LinkedHashMap<>();
    private int line;

    PopulationParser(String source) {
        this.source = source;
    }

    Population parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String raw : body.split("\n", -1)) {
            line++;
            String trimmed = raw.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                Callee callee = callee(trimmed);
                Integer first = lineOfPhone.putIfAbsent(callee.phone(), line);
                if (first != null) {
                    throw problem("phone", callee.phone() + " already appears on line " + first);
                }
                callees.put(callee.phone(), callee);
            }
        }
        return new Population(callees);
    }

    private Callee callee(String json) {
        Object parsed;
        try {
            parsed = JsonReader.read(json);
        } catch (JsonReader.Problem e) {
            throw problem(null, "not valid JSON at column " + (e.position + 1) + ": " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw problem(null, "a callee must be a JSON object");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(key)) {
                throw problem(String.valueOf(key), "unknown field (known: " + String.join(", ", sorted(FIELDS)) + ")");
            }
        }
        String phone = requiredString(map, "phone");
        if (!E164.matcher(phone).matches()) {
            throw problem("phone", "'" + phone + "' is not an E.164 number (+ and 2 to 15 digits)");
        }
        ZoneId zone = zone(requiredString(map, "timeZone"));
        if (!map.containsKey("answer")) {
            throw problem("answer", "missing (a probability, or 168 of them)");
        }
        double[] answer = hourly(map.get("answer"), "answer");
        double[] machine = map.containsKey("machine") ? hourly(map.get("machine"), "machine") : hourly(BigDecimal.ZERO,
                "machine");
        double busy = map.containsKey("busy") ? probability(map.get("busy"), "busy") : 0;
        double[] delay = pair(map, "answerDelaySeconds", "min", "max", new double[] {4, 16});
        if (delay[0] < 0) {
            throw problem("answerDelaySeconds.min", "must be >= 0, was " + delay[0]);
        }
        if (delay[1] < delay[0]) {
            throw problem("answerDelaySeconds.max", "must not be below min (" + delay[0] + "), was " + delay[1]);
        }
        double[] talk = pair(map, "talkSeconds", "mean", "sd", new double[] {120, 90});
        if (talk[0] <= 0) {
            throw problem("talkSeconds.mean", "must be > 0, was " + talk[0]);
        }
        if (talk[1] < 0) {
            throw problem("talkSeconds.sd", "must be >= 0, was " + talk[1]);
        }
        return new Callee(phone, zone, answer, machine, busy, delay[0], delay[1], talk[0], talk[1],
                optionalString(map, "segment"), optionalString(map, "customerRef"));
    }

    private ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw problem("timeZone", "'" + id + "' is not an IANA time zone id (such as Europe/Berlin)");
        }
    }

    /** A single probability, or an array of exactly 168, each in [0,1]. */
    private double[] hourly(Object value, String field) {
        if (value instanceof List<?> list) {
            if (list.size() != Callee.HOURS_OF_WEEK) {
                throw problem(field, "an array must have 168 values (one per hour of the week), has " + list.size());
            }
            double[] result = new double[Callee.HOURS_OF_WEEK];
            for (int i = 0; i < result.length; i++) {
                result[i] = probability(list.get(i), field + "[" + i + "]");
            }
            return result;
        }
        if (value instanceof BigDecimal) {
            double[] result = new double[Callee.HOURS_OF_WEEK];
            Arrays.fill(result, probability(value, field));
            return result;
        }
        throw problem(field, "must be a number in [0,1] or an array of 168 of them, was " + describe(value));
    }

    private double probability(Object value, String field) {
        if (!(value instanceof BigDecimal number)) {
            throw problem(field, "must be a number in [0,1], was " + describe(value));
        }
        double p = number.doubleValue();
        if (!(p >= 0 && p <= 1)) {
            throw problem(field, "must be in [0,1], was " + number.toPlainString());
        }
        return p;
    }

    /** An optional object with exactly two numeric fields, or the defaults. */
    private double[] pair(Map<?, ?> map, String field, String first, String second, double[] defaults) {
        if (!map.containsKey(field)) {
            return defaults;
        }
        if (!(map.get(field) instanceof Map<?, ?> object)) {
            throw problem(field, "must be an object {\"" + first + "\": s, \"" + second + "\": s}, was "
                    + describe(map.get(field)));
        }
        for (Object key : object.keySet()) {
            if (!first.equals(key) && !second.equals(key)) {
                throw problem(field + "." + key, "unknown field (expected " + first + " and " + second + ")");
            }
        }
        return new double[] {seconds(object, field, first), seconds(object, field, second)};
    }

    private double seconds(Map<?, ?> object, String field, String name) {
        Object value = object.get(name);
        if (value == null) {
            throw problem(field + "." + name, "missing");
        }
        if (!(value instanceof BigDecimal number)) {
            throw problem(field + "." + name, "must be a number of seconds, was " + describe(value));
        }
        return number.doubleValue();
    }

    private String requiredString(Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            throw problem(field, map.containsKey(field) ? "must not be null" : "missing");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw problem(field, "must be a non-empty string, was " + describe(value));
        }
        return text;
    }

    private String optionalString(Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value != null && !(value instanceof String)) {
            throw problem(field, "must be a string, was " + describe(value));
        }
        return (String) value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "the string \"" + text + "\"";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private PopulationException problem(String field, String message) {
        return new PopulationException(source, line, field, message);
    }
}
