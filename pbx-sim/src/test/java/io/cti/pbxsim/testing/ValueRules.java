package io.cti.pbxsim.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a header value of the simulator is held against the recorded one. Values that depend on the moment or
 * the connection (timestamps, session ids, ports, durations, challenges) must only have the recorded format.
 * Every other value must be equal, except for the identifiers a run makes up (unique ids, channel name
 * sequences, bridge ids): those must be consistent, one recorded id always standing for the same simulator id,
 * across the whole session. Not thread-safe.
 */
public final class ValueRules {

    private static final String TV = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}";
    private static final String ADDRESS = "IPV4/TCP/127\\.0\\.0\\.1/\\d+";
    private static final Map<String, Pattern> FORMAT_ONLY = Map.ofEntries(
            Map.entry("Timestamp", Pattern.compile("\\d{10}\\.\\d{6}")),
            Map.entry("EventTV", Pattern.compile(TV)),
            Map.entry("SessionTV", Pattern.compile(TV)),
            Map.entry("SessionID", Pattern.compile("0x[0-9a-f]+")),
            Map.entry("LocalAddress", Pattern.compile(ADDRESS)),
            Map.entry("RemoteAddress", Pattern.compile(ADDRESS)),
            Map.entry("Uptime", Pattern.compile("\\d+")),
            Map.entry("LastReload", Pattern.compile("\\d+")),
            Map.entry("Seconds", Pattern.compile("\\d+")),
            Map.entry("Duration", Pattern.compile("\\d\\d:\\d\\d:\\d\\d")),
            Map.entry("Challenge", Pattern.compile("\\d+")),
            Map.entry("CoreStartupDate", Pattern.compile("\\d{4}-\\d\\d-\\d\\d")),
            Map.entry("CoreReloadDate", Pattern.compile("\\d{4}-\\d\\d-\\d\\d")),
            Map.entry("CoreStartupTime", Pattern.compile("\\d\\d:\\d\\d:\\d\\d")),
            Map.entry("CoreReloadTime", Pattern.compile("\\d\\d:\\d\\d:\\d\\d")));
    /** Durations Dial reports in VarSet: whole seconds or milliseconds, empty before they are known. */
    private static final Pattern TIME_VARIABLE = Pattern.compile("[A-Z]+TIME(_MS)?");
    private static final Pattern NUMBER_OR_EMPTY = Pattern.compile("\\d*");

    /** Identifiers a run makes up; the first group is what must stay equal. */
    private static final Pattern IDS = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + "|(\\d{10}\\.\\d+)"
                    + "|([A-Za-z]+/[^\\s;,]*?-)([0-9a-f]{8})(?![0-9a-f])");

    private final Map<String, String> recordedToActual = new HashMap<>();
    private final Map<String, String> actualToRecorded = new HashMap<>();

    /** Null when the values agree, else why not. */
    public String check(WireMessage recordedMessage, String name, String recorded, String actual) {
        Pattern format = FORMAT_ONLY.get(name);
        if (format == null && "Value".equals(name) && recordedMessage.isEvent("VarSet")
                && TIME_VARIABLE.matcher(recordedMessage.get("Variable")).matches()) {
            format = NUMBER_OR_EMPTY;
        }
        if (format != null) {
            if (recorded.isEmpty() != actual.isEmpty() || !actual.isEmpty() && !format.matcher(actual).matches()) {
                return "format: '" + actual + "' does not match " + format.pattern() + " (recorded '" + recorded + "')";
            }
            return null;
        }
        return sameWithConsistentIds(recorded, actual);
    }

    private String sameWithConsistentIds(String recorded, String actual) {
        List<String> recordedIds = new ArrayList<>();
        List<String> actualIds = new ArrayList<>();
        String recordedShape = shape(recorded, recordedIds);
        String actualShape = shape(actual, actualIds);
        if (!recordedShape.equals(actualShape)) {
            return "value '" + actual + "' differs from recorded '" + recorded + "'";
        }
        for (int i = 0; i < recordedIds.size(); i++) {
            String problem = alias(recordedIds.get(i), actualIds.get(i));
            if (problem != null) {
                return problem + " in '" + actual + "'";
            }
        }
        return null;
    }

    private static String shape(String value, List<String> ids) {
        Matcher matcher = IDS.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                ids.add(matcher.group(1));
                matcher.appendReplacement(out, "<uuid>");
            } else if (matcher.group(2) != null) {
                ids.add(matcher.group(2));
                matcher.appendReplacement(out, "<uniqueid>");
            } else {
                ids.add(matcher.group(3) + matcher.group(4));
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(3)) + "<seq>");
            }
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String alias(String recorded, String actual) {
        String known = recordedToActual.get(recorded);
        if (known != null && !known.equals(actual)) {
            return "recorded id " + recorded + " stood for " + known + " before, now " + actual;
        }
        String knownRecorded = actualToRecorded.get(actual);
        if (knownRecorded != null && !knownRecorded.equals(recorded)) {
            return "id " + actual + " stood for recorded " + knownRecorded + " before, now for " + recorded;
        }
        recordedToActual.put(recorded, actual);
        actualToRecorded.put(actual, recorded);
        return null;
    }
}
