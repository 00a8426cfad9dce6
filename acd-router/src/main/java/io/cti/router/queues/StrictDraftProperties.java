package io.cti.router.queues;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Refuses unknown JSON properties in the router API's request bodies (the drafts of the queues, staff and
 * callbacks packages), whatever the application-wide setting: a misspelt "maxWait" would otherwise be dropped silently
 * and the supervisor would believe it saved. Other types keep the application's setting. Thread-safe.
 */
final class StrictDraftProperties extends DeserializationProblemHandler {

    private static final String QUEUES = "io.cti.router.queues";
    private static final String STAFF = "io.cti.router.staff";
    private static final String CALLBACKS = "io.cti.router.callbacks";

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                         ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
        if (!isStrict(type)) {
            return false;
        }
        throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
    }

    static boolean isStrict(Class<?> type) {
        String name = type.getPackageName();
        return name.equals(QUEUES) || name.equals(STAFF) || name.equals(CALLBACKS);
    }
}
