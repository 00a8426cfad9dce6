package io.cti.router.calls;

import io.cti.core.customers.CustomerType;
import io.cti.core.customers.Grade;
import io.cti.core.ids.CustomerId;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.waiting.CallContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The caller's routing facts as attributes of a waiting call in Redis and back, so that any router rebuilds the
 * same priority (and redirect) from what was filed at arrival, without reading the customer again. Stateless.
 */
final class CallerFacts {

    private CallerFacts() {
    }

    static Map<String, String> attributes(CustomerFacts facts) {
        Map<String, String> attributes = new HashMap<>();
        if (facts.known()) {
            attributes.put("grade", facts.grade().name());
            attributes.put("vip", Boolean.toString(facts.vip()));
            attributes.put("churn", Boolean.toString(facts.churnWarning()));
            attributes.put("type", facts.type().name());
            attributes.put("overdue", Boolean.toString(facts.overduePayment()));
        }
        return attributes;
    }

    static CustomerFacts of(CallContext context) {
        Map<String, String> a = context.attributes();
        if (context.customer().isEmpty() || !a.containsKey("grade")) {
            return CustomerFacts.unknownCaller();
        }
        CustomerId customer = context.customer().get();
        return CustomerFacts.graded(customer, Grade.valueOf(a.get("grade")))
                .withVip(Boolean.parseBoolean(a.get("vip")))
                .withChurnWarning(Boolean.parseBoolean(a.get("churn")))
                .withType(CustomerType.valueOf(a.getOrDefault("type", CustomerType.CURRENT.name())))
                .withOverduePayment(Boolean.parseBoolean(a.get("overdue")));
    }
}
