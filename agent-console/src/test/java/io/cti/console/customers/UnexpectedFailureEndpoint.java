package io.cti.console.customers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint in the customer API's package (so its error handling applies) that fails in a way nobody
 * foresaw, quoting a phone number and an internal detail, as a database or library failure might. Stateless.
 */
@RestController
public class UnexpectedFailureEndpoint {

    static final String PATH = "/test-only/unexpected-failure";
    static final String NUMBER = "+14155550123";
    static final String INTERNAL_DETAIL = "connection pool 'secret-db-host' exhausted";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException(INTERNAL_DETAIL + " while looking up " + NUMBER,
                new IllegalArgumentException("caller id " + NUMBER + " rejected"));
    }
}
