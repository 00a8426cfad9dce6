package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import org.asteriskjava.manager.action.ManagerAction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks every value before it goes into an AMI action, and refuses the whole command on the first unsafe one.
 * asterisk-java writes {@code key: value} lines to the socket without any escaping, so a line break inside a
 * value (a customer name from an uploaded list, say) would end the header and let the rest of the value be read
 * by Asterisk as further headers or a whole second action. This guard is the only thing between uploaded data
 * and arbitrary AMI actions. Stateless and thread-safe.
 */
final class AmiValueGuard {

    /**
     * Asterisk reads each action line into a buffer of about 1 KiB; a longer line is cut, and what follows the
     * cut must not get a chance to be read as a header of its own. The key and ": " take part of the line too.
     */
    static final int MAX_VALUE_BYTES = 900;

    private AmiValueGuard() {
    }

    /** Refuses {@code value} unless it is safe as the value of one AMI header line. Null passes (not sent). */
    static void checkValue(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String what = unsafeCharacter(c);
            if (what != null) {
                throw BridgeException.unsafeValue(field, value, what + " at index " + i);
            }
            i += Character.charCount(c);
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_VALUE_BYTES) {
            throw BridgeException.valueTooLong(field, bytes, MAX_VALUE_BYTES);
        }
    }

    /**
     * Refuses a channel-variable name unless it is safe and unambiguous: besides being a safe value it must be
     * non-empty and free of '=', which would move the boundary between name and value in {@code Variable: n=v}.
     */
    static void checkVariableName(String field, String name) {
        if (name == null || name.isEmpty()) {
            throw BridgeException.unsafeValue(field, String.valueOf(name), "an empty variable name");
        }
        checkValue(field, name);
        int equals = name.indexOf('=');
        if (equals >= 0) {
            throw BridgeException.unsafeValue(field, name, "'=' at index " + equals);
        }
    }

    /** Checks every name and value of a variable map, in a stable order so the error names the same entry. */
    static void checkVariables(String field, Map<String, String> variables) {
        variables.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(entry -> {
                    checkVariableName(field + " name", entry.getKey());
                    checkValue(field + "[" + safeName(entry.getKey()) + "]", entry.getValue());
                });
    }

    /**
     * Checks everything asterisk-java will write for {@code action}: it serialises every public getter, so every
     * getter's value is checked, including map keys and collection elements. A second line of defence behind the
     * per-command checks, so that a value added to an action later cannot slip past unchecked.
     */
    static void checkAction(ManagerAction action) {
        String name = action.getAction();
        checkValue("action name", name);
        Stream.of(action.getClass().getMethods())
                .filter(AmiValueGuard::isProperty)
                .sorted(Comparator.comparing(Method::getName))
                .forEach(getter -> checkProperty(name + "." + propertyName(getter), read(action, getter)));
    }

    private static void checkProperty(String field, Object value) {
        if (value instanceof String text) {
            checkValue(field, text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                checkVariableName(field + " key", String.valueOf(key));
                checkProperty(field + "[" + safeName(String.valueOf(key)) + "]", item);
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> checkProperty(field + "[]", item));
        } else if (value != null && !(value instanceof Number) && !(value instanceof Boolean) && !(value instanceof Enum<?>)) {
            // Anything else is written with toString(), which this guard cannot reason about in general.
            checkValue(field, value.toString());
        }
    }

    private static boolean isProperty(Method method) {
        String name = method.getName();
        return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                && method.getParameterCount() == 0 && method.getReturnType() != void.class
                && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2)
                && !name.equals("getClass") && !name.equals("getActionCompleteEventClass");
    }

    private static Object read(ManagerAction action, Method getter) {
        try {
            return getter.invoke(action);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // A property we cannot read is one asterisk-java may still write: refuse rather than guess.
            throw BridgeException.unsafeValue(action.getAction() + "." + propertyName(getter), "",
                    "a value that cannot be read for checking (" + e + ")");
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName();
        return name.startsWith("get") ? name.substring(3) : name.substring(2);
    }

    /** A description of {@code c} when it may not appear in an AMI value, else null. */
    static String unsafeCharacter(int c) {
        if (c == '\r') {
            return "a carriage return (U+000D)";
        }
        if (c == '\n') {
            return "a line feed (U+000A)";
        }
        if (c == 0) {
            return "a NUL character (U+0000)";
        }
        if (c == 0x2028 || c == 0x2029 || c == 0x0085) {
            return "a Unicode line or paragraph separator (" + codePoint(c) + ")";
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.FORMAT) {
            return "a control character (" + codePoint(c) + ")";
        }
        if (type == Character.SURROGATE) {
            return "a lone surrogate (" + codePoint(c) + "), which cannot be encoded";
        }
        return null;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /** Variable names are echoed in errors only once known to be free of line breaks. */
    private static String safeName(String name) {
        return name.codePoints().anyMatch(c -> unsafeCharacter(c) != null) ? "?" : name;
    }
}
