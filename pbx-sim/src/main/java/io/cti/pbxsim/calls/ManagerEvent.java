package io.cti.pbxsim.calls;

import java.util.ArrayList;
import java.util.List;

/**
 * One event as Asterisk's manager core raises it: a name, the class it is filed under ({@code call},
 * {@code dialplan}, {@code user}...), and its fields in wire order. The AMI server renders it as
 * {@code Event:}, {@code Privilege: <class>,all} and the fields. Immutable.
 */
public record ManagerEvent(String name, String eventClass, List<Field> fields) {

    /** One {@code Name: value} line; an empty value is sent as {@code Name: } with the trailing space. */
    public record Field(String name, String value) {
        public Field {
            value = value == null ? "" : value;
        }
    }

    public ManagerEvent {
        fields = List.copyOf(fields);
    }

    /** The value of the first field called {@code fieldName}, or null. */
    public String get(String fieldName) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(fieldName)) {
                return field.value();
            }
        }
        return null;
    }

    /** Collects fields in order; not thread-safe, used by one thread while an event is being built. */
    public static final class Builder {
        private final String name;
        private final String eventClass;
        private final List<Field> fields = new ArrayList<>();

        public Builder(String name, String eventClass) {
            this.name = name;
            this.eventClass = eventClass;
        }

        public Builder add(String fieldName, Object value) {
            fields.add(new Field(fieldName, value == null ? "" : String.valueOf(value)));
            return this;
        }

        public Builder addAll(List<Field> more) {
            fields.addAll(more);
            return this;
        }

        public ManagerEvent build() {
            return new ManagerEvent(name, eventClass, fields);
        }
    }
}
