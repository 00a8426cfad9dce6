package io.cti.pbxsim.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds the simulator's messages for one action (its response and the events that followed) against the
 * recording's: the same messages (kind, channel and what distinguishes them), each with the same header names
 * in the same order and values that agree by {@link ValueRules}; and the same order, either overall or per
 * channel. DeviceStateChange and OriginateResponse are left out of the order checks: Asterisk raises them from
 * other threads (device state and originate threads), and the recording itself shows them at different places
 * in the same flow (scenario 05 against 12a). Not thread-safe.
 */
public final class SegmentComparator {

    /** How strictly the order of messages is checked. */
    public enum Order {
        /** The same order overall. */
        STRICT,
        /**
         * The same order for each channel; channels may interleave differently. For flows where Asterisk's own
         * threads race (the recording shows the same flow interleaved differently in different scenarios).
         */
        PER_CHANNEL
    }

    /** A recorded value the simulator knowingly does not reproduce, and why. */
    public record KnownDeviation(String kind, String header, String reason) {
    }

    private static final Set<String> FLOATING = Set.of("Event:DeviceStateChange", "Event:OriginateResponse");

    private final ValueRules values = new ValueRules();

    /** The problems found; empty when the segment matches. */
    public List<String> compare(String label, List<WireMessage> recorded, List<WireMessage> actual, Order order,
                                List<KnownDeviation> deviations) {
        List<String> problems = new ArrayList<>();
        int[] pairing = pair(recorded, actual);
        boolean[] used = new boolean[actual.size()];
        for (int i = 0; i < recorded.size(); i++) {
            if (pairing[i] < 0) {
                problems.add(label + ": missing " + describe(recorded.get(i)));
                continue;
            }
            used[pairing[i]] = true;
            compareMessage(label, recorded.get(i), actual.get(pairing[i]), deviations, problems);
        }
        for (int j = 0; j < actual.size(); j++) {
            if (!used[j]) {
                problems.add(label + ": unexpected " + describe(actual.get(j)));
            }
        }
        checkOrder(label, recorded, pairing, order, problems);
        return problems;
    }

    private static int[] pair(List<WireMessage> recorded, List<WireMessage> actual) {
        int[] pairing = new int[recorded.size()];
        boolean[] taken = new boolean[actual.size()];
        for (int i = 0; i < recorded.size(); i++) {
            pairing[i] = -1;
            String key = key(recorded.get(i));
            for (int j = 0; j < actual.size(); j++) {
                if (!taken[j] && key.equals(key(actual.get(j)))) {
                    taken[j] = true;
                    pairing[i] = j;
                    break;
                }
            }
        }
        return pairing;
    }

    private void compareMessage(String label, WireMessage recorded, WireMessage actual,
                                List<KnownDeviation> deviations, List<String> problems) {
        String where = label + ": " + describe(recorded);
        if (!recorded.names().equals(actual.names())) {
            problems.add(where + ": headers " + actual.names() + " instead of " + recorded.names());
            return;
        }
        for (int h = 0; h < recorded.headers().size(); h++) {
            String name = recorded.headers().get(h).name();
            if (deviates(recorded, name, deviations)) {
                continue;
            }
            String problem = values.check(recorded, name, recorded.headers().get(h).value(),
                    actual.headers().get(h).value());
            if (problem != null) {
                problems.add(where + ": " + name + ": " + problem);
            }
        }
    }

    private static boolean deviates(WireMessage recorded, String header, List<KnownDeviation> deviations) {
        for (KnownDeviation deviation : deviations) {
            if (deviation.kind().equals(recorded.kind()) && deviation.header().equals(header)) {
                return true;
            }
        }
        return false;
    }

    private static void checkOrder(String label, List<WireMessage> recorded, int[] pairing, Order order,
                                   List<String> problems) {
        Map<String, Integer> lastByGroup = new HashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            WireMessage message = recorded.get(i);
            if (pairing[i] < 0 || FLOATING.contains(message.kind())) {
                continue;
            }
            String group = order == Order.STRICT ? "all" : channelOf(message);
            Integer previous = lastByGroup.put(group, pairing[i]);
            if (previous != null && previous > pairing[i]) {
                problems.add(label + ": out of order (" + group + "): " + describe(message));
            }
        }
    }

    /** What identifies a message within a segment: kind, channel, and what tells its siblings apart. */
    static String key(WireMessage message) {
        String key = message.kind() + "|" + channelOf(message);
        if (message.isEvent("VarSet")) {
            return key + "|" + message.get("Variable");
        }
        if (message.isEvent("Newexten")) {
            return key + "|" + message.get("Priority") + "|" + message.get("Application");
        }
        if (message.get("DialStatus") != null) {
            return key + "|" + message.get("DialStatus");
        }
        if (message.isEvent("UserEvent")) {
            return key + "|" + message.get("UserEvent");
        }
        return key;
    }

    static String channelOf(WireMessage message) {
        for (String name : List.of("Channel", "DestChannel", "LocalOneChannel", "Device", "BridgeUniqueid")) {
            String value = message.get(name);
            if (value != null) {
                return name.equals("BridgeUniqueid") ? "bridge" : value.replaceAll("-[0-9a-f]{8}(?![0-9a-f])", "-X");
            }
        }
        return "";
    }

    private static String describe(WireMessage message) {
        String channel = channelOf(message);
        String extra = message.get("Variable") != null ? " " + message.get("Variable")
                : message.get("Application") != null ? " " + message.get("Application") : "";
        return message.kind() + (channel.isEmpty() ? "" : " [" + channel + "]") + extra;
    }
}
