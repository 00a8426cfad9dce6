package io.cti.pbxsim.calls;

/**
 * A caller id or connected-line party: number and name, each empty when unknown (AMI then shows
 * {@code <unknown>}). Immutable.
 */
public record Party(String number, String name) {

    public static final Party UNKNOWN = new Party("", "");

    public Party {
        number = number == null ? "" : number;
        name = name == null ? "" : name;
    }

    /**
     * Reads a caller id the way Asterisk's {@code ast_callerid_parse} does for the common forms:
     * {@code "Name" <number>}, {@code Name <number>}, {@code <number>} or a bare number.
     */
    public static Party parse(String callerId) {
        if (callerId == null || callerId.isBlank()) {
            return UNKNOWN;
        }
        String text = callerId.trim();
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            String name = text.substring(0, open).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new Party(text.substring(open + 1, close).trim(), name);
        }
        boolean numeric = text.chars().allMatch(c -> Character.isDigit(c) || "+*#-() ".indexOf(c) >= 0);
        return numeric ? new Party(text, "") : new Party("", text);
    }

    /** The number as AMI shows it. */
    public String numberOrUnknown() {
        return number.isEmpty() ? "<unknown>" : number;
    }

    /** The name as AMI shows it. */
    public String nameOrUnknown() {
        return name.isEmpty() ? "<unknown>" : name;
    }

    /** {@code "Name" <number>}, what {@code ${CALLERID(all)}} expands to. */
    public String all() {
        if (name.isEmpty()) {
            return number.isEmpty() ? "" : "<" + number + ">";
        }
        return "\"" + name + "\" <" + number + ">";
    }
}
