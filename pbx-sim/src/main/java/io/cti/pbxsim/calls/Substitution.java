package io.cti.pbxsim.calls;

import java.util.List;

/**
 * Expands {@code ${...}} in application arguments as Asterisk does for the common cases: channel variables,
 * the built-ins ({@code CHANNEL}, {@code UNIQUEID}, {@code EXTEN}, {@code CONTEXT}, {@code PRIORITY},
 * {@code EPOCH}), globals, substrings {@code ${VAR:offset:length}} and a few functions ({@code CALLERID},
 * {@code CONNECTEDLINE}, {@code CHANNEL}, {@code LEN}, {@code IF}, {@code FILTER}) and {@code $[...]} expressions
 * ({@link Expression}).
 * Unknown names expand to nothing. Stateless.
 */
final class Substitution {

    private Substitution() {
    }

    static String expand(CallCore core, Channel channel, String text) {
        if (text == null || (!text.contains("${") && !text.contains("$["))) {
            return text == null ? "" : text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = nextSubstitution(text, i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            boolean expression = text.charAt(start + 1) == '[';
            int end = expression ? matchingBracket(text, start + 2) : matchingBrace(text, start + 2);
            if (end < 0) {
                out.append(text, start, text.length());
                break;
            }
            String inner = expand(core, channel, text.substring(start + 2, end));
            out.append(expression ? Expression.evaluate(inner) : resolve(core, channel, inner));
            i = end + 1;
        }
        return out.toString();
    }

    /** Where the next {@code ${} or {@code $[} starts at or after {@code from}, or -1. */
    private static int nextSubstitution(String text, int from) {
        int variable = text.indexOf("${", from);
        int expression = text.indexOf("$[", from);
        if (variable < 0) {
            return expression;
        }
        return expression < 0 ? variable : Math.min(variable, expression);
    }

    private static int matchingBracket(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The value of a variable or function name as Getvar reads it. */
    static String resolve(CallCore core, Channel channel, String expression) {
        int paren = expression.indexOf('(');
        if (paren > 0 && expression.endsWith(")")) {
            String name = expression.substring(0, paren).toUpperCase();
            String argument = expression.substring(paren + 1, expression.length() - 1);
            return function(core, channel, name, argument);
        }
        String name = expression;
        int colon = expression.indexOf(':');
        if (colon > 0) {
            name = expression.substring(0, colon);
        }
        String value = variable(core, channel, name);
        return colon > 0 ? substring(value, expression.substring(colon + 1)) : value;
    }

    private static String variable(CallCore core, Channel channel, String name) {
        if (channel != null) {
            String value = channel.variable(name);
            if (value != null) {
                return value;
            }
            switch (name) {
                case "CHANNEL": return channel.name;
                case "UNIQUEID": return channel.uniqueid;
                case "EXTEN": return nullToEmpty(channel.exten);
                case "CONTEXT": return nullToEmpty(channel.context);
                case "PRIORITY": return String.valueOf(channel.priority);
                case "HANGUPCAUSE": return channel.hangupCause == null ? "" : channel.hangupCause.toString();
                default: break;
            }
        }
        if ("EPOCH".equals(name)) {
            return String.valueOf(core.clock.now().getEpochSecond());
        }
        return nullToEmpty(core.globals.get(name));
    }

    private static String function(CallCore core, Channel channel, String name, String argument) {
        String arg = argument.trim().toLowerCase();
        switch (name) {
            case "CALLERID":
                return channel == null ? "" : party(channel.caller, arg);
            case "CONNECTEDLINE":
                return channel == null ? "" : party(channel.connected, arg);
            case "CHANNEL":
                return channel == null ? "" : channelFunction(channel, arg);
            case "LEN":
                return String.valueOf(argument.length());
            case "IF":
                return ifFunction(argument);
            case "FILTER":
                return filter(argument);
            default:
                return "";
        }
    }

    private static String party(Party party, String field) {
        return switch (field) {
            case "num", "number" -> party.number();
            case "name" -> party.name();
            case "all" -> party.all();
            default -> "";
        };
    }

    private static String channelFunction(Channel channel, String field) {
        return switch (field) {
            case "name", "channel" -> channel.name;
            case "uniqueid" -> channel.uniqueid;
            case "linkedid" -> channel.linkedid;
            case "state" -> channel.state.description();
            case "language" -> channel.language;
            default -> "";
        };
    }

    /** {@code IF(condition?true:false)}: the condition is true unless empty or 0. */
    private static String ifFunction(String argument) {
        int question = argument.indexOf('?');
        if (question < 0) {
            return "";
        }
        boolean condition = isTrue(argument.substring(0, question));
        List<String> branches = List.of(argument.substring(question + 1).split(":", -1));
        if (condition) {
            return branches.get(0);
        }
        return branches.size() > 1 ? branches.get(1) : "";
    }

    /** {@code FILTER(allowed,text)}: the characters of {@code text} listed in {@code allowed} ({@code a-z} ranges). */
    private static String filter(String argument) {
        int comma = argument.indexOf(',');
        if (comma < 0) {
            return "";
        }
        String allowed = argument.substring(0, comma);
        StringBuilder out = new StringBuilder();
        for (char c : argument.substring(comma + 1).toCharArray()) {
            if (allows(allowed, c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean allows(String allowed, char c) {
        for (int i = 0; i < allowed.length(); i++) {
            if (i + 2 < allowed.length() && allowed.charAt(i + 1) == '-') {
                if (c >= allowed.charAt(i) && c <= allowed.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (allowed.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    static boolean isTrue(String condition) {
        return Expression.isTrue(condition.trim());
    }

    private static String substring(String value, String spec) {
        String[] parts = spec.split(":");
        try {
            int offset = Integer.parseInt(parts[0].trim());
            int begin = offset < 0 ? Math.max(0, value.length() + offset) : Math.min(offset, value.length());
            int end = value.length();
            if (parts.length > 1 && !parts[1].isBlank()) {
                int length = Integer.parseInt(parts[1].trim());
                end = length < 0 ? Math.max(begin, value.length() + length) : Math.min(value.length(), begin + length);
            }
            return value.substring(begin, end);
        } catch (NumberFormatException e) {
            // Asterisk ignores a substring spec it cannot read and expands the whole value.
            return value;
        }
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i > 0 && text.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
