package io.cti.console.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes test customers through the API: drafts as JSON-ready maps, unique US and Chinese numbers (the tests
 * share one database), and a create call that insists on 201. Thread-safe.
 */
final class TestCustomers {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private TestCustomers() {
    }

    /** A fresh, valid US number: (415) 2xx-xxxx, written in several ways. */
    record UsNumber(int exchange, int line) {

        String e164() {
            return "+1415" + exchange + "%04d".formatted(line);
        }

        String national() {
            return "(415) " + exchange + "-%04d".formatted(line);
        }

        String dotted() {
            return "415." + exchange + ".%04d".formatted(line);
        }

        String international() {
            return "+1 415 " + exchange + " %04d".formatted(line);
        }

        String withInternationalPrefix() {
            return "001 415 " + exchange + " %04d".formatted(line);
        }

        String dashed() {
            return "1-415-" + exchange + "-%04d".formatted(line);
        }
    }

    static UsNumber usNumber() {
        int n = NUMBERS.incrementAndGet();
        return new UsNumber(201 + n / 10_000, n % 10_000);
    }

    /** A fresh, valid Chinese mobile number in E.164: +86 139 xxxx xxxx. */
    static String chineseMobile() {
        return "+86139%08d".formatted(NUMBERS.incrementAndGet());
    }

    /** An individual with one primary mobile number and nothing else. */
    static Map<String, Object> individual(String name, String number) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("kind", "INDIVIDUAL");
        draft.put("type", "CURRENT");
        draft.put("name", name);
        draft.put("phones", new ArrayList<>(List.of(phone(number, "MOBILE", true))));
        return draft;
    }

    static Map<String, Object> phone(String number, String label, boolean primary) {
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("number", number);
        phone.put("label", label);
        phone.put("primary", primary);
        return phone;
    }

    /** Creates the customer and returns its id; fails the test unless the API answers 201. */
    static long create(Api api, Map<String, Object> draft) {
        Api.Response response = api.post("/api/customers", draft);
        if (response.status() != 201) {
            throw new AssertionError("expected 201 creating " + draft.get("name") + ", got " + response.status()
                    + ": " + response.body());
        }
        return response.json().path("id").asLong();
    }
}
