package io.cti.pbxsim.calls;

/** Matches an extension against an Asterisk pattern such as {@code _X.} or {@code _1[2-5]XX}. Stateless. */
final class ExtensionPattern {

    private ExtensionPattern() {
    }

    static boolean matches(String pattern, String exten) {
        return matchFrom(pattern, 1, exten, 0);
    }

    private static boolean matchFrom(String pattern, int p, String exten, int e) {
        if (p == pattern.length()) {
            return e == exten.length();
        }
        char token = Character.toUpperCase(pattern.charAt(p));
        if (token == '.') {
            return e < exten.length();
        }
        if (token == '!') {
            return true;
        }
        if (e == exten.length()) {
            return false;
        }
        char c = exten.charAt(e);
        if (token == '[') {
            int close = pattern.indexOf(']', p);
            if (close < 0) {
                return false;
            }
            return inSet(pattern.substring(p + 1, close), c) && matchFrom(pattern, close + 1, exten, e + 1);
        }
        boolean ok = switch (token) {
            case 'X' -> c >= '0' && c <= '9';
            case 'Z' -> c >= '1' && c <= '9';
            case 'N' -> c >= '2' && c <= '9';
            default -> token == Character.toUpperCase(c);
        };
        return ok && matchFrom(pattern, p + 1, exten, e + 1);
    }

    private static boolean inSet(String set, char c) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (c >= set.charAt(i) && c <= set.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (set.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }
}
