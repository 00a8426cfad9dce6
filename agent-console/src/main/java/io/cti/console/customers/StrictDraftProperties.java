package io.cti.console.customers;

import io.cti.core.customers.CustomerDraft;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Refuses unknown JSON properties in the customer API's request bodies ({@code CustomerDraft} and the history
 * drafts), whatever the application-wide setting: a misspelt field ("birthdate") would otherwise be dropped
 * silently and the agent would believe it saved. Other types keep the application's setting. Thread-safe.
 */
final class StrictDraftProperties extends DeserializationProblemHandler {

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
        return type == CustomerDraft.class || type.getEnclosingClass() == CustomerDraft.class
                || type.getPackageName().equals(StrictDraftProperties.class.getPackageName());
    }
}
