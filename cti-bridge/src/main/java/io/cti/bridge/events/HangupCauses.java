package io.cti.bridge.events;

import java.util.Map;

/** The Q.850 hang-up causes Asterisk reports most, in the words Asterisk uses for them. Stateless. */
final class HangupCauses {

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(0, "Unknown"),
            Map.entry(1, "Unallocated (unassigned) number"),
            Map.entry(3, "No route to destination"),
            Map.entry(16, "Normal Clearing"),
            Map.entry(17, "User busy"),
            Map.entry(18, "No user responding"),
            Map.entry(19, "User alerting, no answer"),
            Map.entry(21, "Call Rejected"),
            Map.entry(27, "Destination out of order"),
            Map.entry(28, "Invalid number format (addressincomplete)"),
            Map.entry(31, "Normal, unspecified"),
            Map.entry(34, "Circuit/channel congestion"),
            Map.entry(38, "Network out of order"),
            Map.entry(41, "Temporary failure"),
            Map.entry(42, "Switching equipment congestion"),
            Map.entry(127, "Interworking, unspecified"));

    private HangupCauses() {
    }

    static String text(int cause) {
        return TEXTS.getOrDefault(cause, "Cause " + cause);
    }
}
