package io.cti.core.bus;

import io.cti.core.messages.DomainMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The concrete message types found by walking the sealed hierarchy in the test itself, independently of
 * {@link MessageTypes}, so that a type the bus's registry missed still shows up in the round-trip tests.
 * Stateless.
 */
final class PermittedTypes {

    private PermittedTypes() {
    }

    static List<Class<?>> all() {
        List<Class<?>> found = new ArrayList<>();
        walk(DomainMessage.class, found);
        return found;
    }

    private static void walk(Class<?> type, List<Class<?>> found) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                walk(permitted, found);
            }
        } else {
            found.add(type);
        }
    }
}
