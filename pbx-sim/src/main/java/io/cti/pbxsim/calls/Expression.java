package io.cti.pbxsim.calls;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates the inside of a dialplan {@code $[...]} expression as Asterisk's expression parser does for the forms
 * dialplans use: quoted strings (quotes dropped), numbers, {@code = != < > <= >=} (numeric when both sides are
 * numbers, text otherwise), {@code & |}, {@code + - * / %}, unary {@code ! -}, parentheses, {@code =~} (regular
 * expression match) and the ternary {@code cond ? a :: b}. Comparisons give {@code 1} or {@code 0}. Stateless.
 */
final class Expression {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=", "=~", "&", "|", "+", "-",
            "*", "/", "%", "!", "(", ")", "?", "::");

    private final List<String> tokens;
    private final List<Boolean> quoted;
    private int position;

    private Expression(String text) {
        this.tokens = new ArrayList<>();
        this.quoted = new ArrayList<>();
        tokenize(text);
    }

    /** The value of {@code text}; an expression that cannot be read evaluates to an empty string, as in Asterisk. */
    static String evaluate(String text) {
        Expression expression = new Expression(text);
        if (expression.tokens.isEmpty()) {
            return "";
        }
        try {
            String value = expression.ternary();
            return expression.position == expression.tokens.size() ? value : "";
        } catch (IllegalStateException e) {
            // Asterisk logs "syntax error" and substitutes nothing; the dialplan then sees an empty value.
            return "";
        }
    }

    private String ternary() {
        String condition = or();
        if (peek("?")) {
            position++;
            String whenTrue = or();
            expect("::");
            String whenFalse = or();
            return isTrue(condition) ? whenTrue : whenFalse;
        }
        return condition;
    }

    private String or() {
        String left = and();
        while (peek("|")) {
            position++;
            String right = and();
            left = isTrue(left) ? left : (isTrue(right) ? right : "0");
        }
        return left;
    }

    private String and() {
        String left = comparison();
        while (peek("&")) {
            position++;
            String right = comparison();
            left = isTrue(left) && isTrue(right) ? left : "0";
        }
        return left;
    }

    private String comparison() {
        String left = additive();
        while (peekAny("=", "!=", "<", ">", "<=", ">=", "=~")) {
            String operator = tokens.get(position++);
            String right = additive();
            left = compare(operator, left, right);
        }
        return left;
    }

    private String additive() {
        String left = multiplicative();
        while (peekAny("+", "-")) {
            String operator = tokens.get(position++);
            left = arithmetic(operator, left, multiplicative());
        }
        return left;
    }

    private String multiplicative() {
        String left = unary();
        while (peekAny("*", "/", "%")) {
            String operator = tokens.get(position++);
            left = arithmetic(operator, left, unary());
        }
        return left;
    }

    private String unary() {
        if (peek("!")) {
            position++;
            return isTrue(unary()) ? "0" : "1";
        }
        if (peek("-")) {
            position++;
            return arithmetic("-", "0", unary());
        }
        return primary();
    }

    private String primary() {
        if (position >= tokens.size()) {
            throw new IllegalStateException("expression ends early");
        }
        if (peek("(")) {
            position++;
            String value = ternary();
            expect(")");
            return value;
        }
        if (!quoted.get(position) && isOperator(tokens.get(position))) {
            throw new IllegalStateException("operator where a value was expected");
        }
        return tokens.get(position++);
    }

    private static String compare(String operator, String left, String right) {
        if ("=~".equals(operator)) {
            try {
                return Pattern.compile(right).matcher(left).find() ? "1" : "0";
            } catch (PatternSyntaxException e) {
                return "0";
            }
        }
        BigDecimal a = number(left);
        BigDecimal b = number(right);
        int order = a != null && b != null ? a.compareTo(b) : left.compareTo(right);
        boolean result = switch (operator) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
        return result ? "1" : "0";
    }

    private static String arithmetic(String operator, String left, String right) {
        BigDecimal a = number(left);
        BigDecimal b = number(right);
        if (a == null || b == null) {
            throw new IllegalStateException("non-numeric argument");
        }
        BigDecimal result = switch (operator) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> b.signum() == 0 ? BigDecimal.ZERO : a.divide(b, 10, java.math.RoundingMode.DOWN);
            default -> b.signum() == 0 ? BigDecimal.ZERO : a.remainder(b);
        };
        return result.stripTrailingZeros().toPlainString();
    }

    static boolean isTrue(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        BigDecimal number = number(value);
        return number == null || number.signum() != 0;
    }

    private static BigDecimal number(String text) {
        String value = text.trim();
        if (value.isEmpty() || !NUMBER.matcher(value).matches()) {
            return null;
        }
        return new BigDecimal(value);
    }

    private boolean peek(String operator) {
        return position < tokens.size() && !quoted.get(position) && tokens.get(position).equals(operator);
    }

    private boolean peekAny(String... operators) {
        for (String operator : operators) {
            if (peek(operator)) {
                return true;
            }
        }
        return false;
    }

    private void expect(String operator) {
        if (!peek(operator)) {
            throw new IllegalStateException("expected " + operator);
        }
        position++;
    }

    private static boolean isOperator(String token) {
        return OPERATORS.contains(token);
    }

    private void tokenize(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                add(text.substring(i + 1, end), true);
                i = end + 1;
            } else {
                String operator = operatorAt(text, i);
                if (operator != null) {
                    add(operator, false);
                    i += operator.length();
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"'
                            && operatorAt(text, i) == null) {
                        i++;
                    }
                    add(text.substring(start, i), false);
                }
            }
        }
    }

    private static String operatorAt(String text, int i) {
        for (String two : List.of("!=", "<=", ">=", "=~", "::")) {
            if (text.startsWith(two, i)) {
                return two;
            }
        }
        char c = text.charAt(i);
        return "=<>&|+-*/%!()?".indexOf(c) >= 0 ? String.valueOf(c) : null;
    }

    private void add(String token, boolean isQuoted) {
        tokens.add(token);
        quoted.add(isQuoted);
    }
}
