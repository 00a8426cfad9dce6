package io.cti.core.bus;

import java.util.Map;

/**
 * One stream entry as handed to a subscription: read for the first time, or claimed from another consumer.
 * Immutable.
 *
 * @param fields     the entry's fields; empty when Redis kept the id pending after the entry itself was deleted
 * @param deliveries how often it was delivered, this delivery included: 1 for an entry read for the first time
 */
record Delivery(String stream, String entryId, Map<String, String> fields, long deliveries) {

    Delivery {
        fields = fields == null ? Map.of() : fields;
    }
}
