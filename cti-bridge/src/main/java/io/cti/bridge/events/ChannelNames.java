package io.cti.bridge.events;

import java.util.regex.Pattern;

/**
 * Reads Asterisk channel names: {@code Local/2001@fake-agent-00000001;1} is a half of a Local channel pair on the
 * device {@code Local/2001@fake-agent}; {@code PJSIP/2001-0000002a} is a channel on {@code PJSIP/2001}. Also reads
 * the header values around them, where Asterisk writes "no value" in several ways. Stateless.
 */
final class ChannelNames {

    private static final Pattern LOCAL_HALF = Pattern.compile(";[12]$");
    private static final Pattern SEQUENCE = Pattern.compile("-[0-9a-fA-F]{8}$");

    private ChannelNames() {
    }

    /** The device (endpoint) a channel runs on, as DeviceStateChange names it. */
    static String endpoint(String channel) {
        return SEQUENCE.matcher(pairName(channel)).replaceFirst("");
    }

    /** The name shared by both halves of a Local channel pair; other channels are their own pair. */
    static String pairName(String channel) {
        return LOCAL_HALF.matcher(channel).replaceFirst("");
    }

    static boolean isLocal(String channel) {
        return channel.startsWith("Local/");
    }

    /** Asterisk's placeholder for "no value" ({@code <unknown>}), and blanks, read as null. */
    static String value(String text) {
        if (text == null || text.isBlank() || "<unknown>".equals(text)) {
            return null;
        }
        return text;
    }

    /** {@code a} unless it is blank, else {@code b}. */
    static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** The header's {@link #value}, or the empty string for none. */
    static String orEmpty(String text) {
        String value = value(text);
        return value == null ? "" : value;
    }
}
