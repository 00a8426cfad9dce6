package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.messages.DomainMessage;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every concrete domain message type, found by walking the sealed {@link DomainMessage} hierarchy, keyed by
 * the simple name that the {@code type} field of a stream entry carries. Immutable and thread-safe.
 */
final class MessageTypes {

    private final Map<String, Class<? extends DomainMessage>> byName;

    private MessageTypes(Map<String, Class<? extends DomainMessage>> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Walks the hierarchy now, so that a type the bus cannot carry fails at start-up, not at the first message. */
    static MessageTypes discover() {
        Map<String, Class<? extends DomainMessage>> found = new LinkedHashMap<>();
        collect(DomainMessage.class, found);
        return new MessageTypes(found);
    }

    private static void collect(Class<?> sealedType, Map<String, Class<? extends DomainMessage>> found) {
        for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                Class<? extends DomainMessage> record = permitted.asSubclass(DomainMessage.class);
                Class<? extends DomainMessage> clash = found.put(record.getSimpleName(), record);
                if (clash != null) {
                    throw new IllegalStateException("two domain message types share the simple name '"
                            + record.getSimpleName() + "': " + clash.getName() + " and " + record.getName()
                            + "; the bus names types by simple name, so rename one");
                }
            } else if (permitted.isSealed()) {
                collect(permitted, found);
            } else {
                throw new IllegalStateException("domain message type " + permitted.getName()
                        + " is neither a record nor sealed; the bus can only carry records of a sealed hierarchy");
            }
        }
    }

    Collection<Class<? extends DomainMessage>> all() {
        return byName.values();
    }

    Class<? extends DomainMessage> forName(String simpleName) {
        Class<? extends DomainMessage> type = byName.get(simpleName);
        if (type == null) {
            throw CoreException.unknownMessageType(simpleName);
        }
        return type;
    }

    static String nameOf(Class<? extends DomainMessage> type) {
        return type.getSimpleName();
    }

    /** The names of the concrete types assignable to any of {@code wanted} (which may be sealed interfaces). */
    Set<String> namesAssignableTo(Collection<Class<? extends DomainMessage>> wanted) {
        Set<String> names = new LinkedHashSet<>();
        byName.forEach((name, type) -> {
            if (wanted.stream().anyMatch(w -> w.isAssignableFrom(type))) {
                names.add(name);
            }
        });
        return names;
    }
}
