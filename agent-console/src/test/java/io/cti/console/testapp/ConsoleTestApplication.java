package io.cti.console.testapp;

import io.cti.console.customers.UnexpectedFailureEndpoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The smallest application the customer API runs in: cti-core's customer beans on a fresh embedded database
 * ({@link CoreTestBeans}), the API itself arriving through agent-console's auto-configuration exactly as in
 * the platform (this package holds nothing to scan), plus one test-only endpoint that fails unexpectedly.
 * Stateless.
 */
@SpringBootApplication
@Import({CoreTestBeans.class, UnexpectedFailureEndpoint.class})
public class ConsoleTestApplication {
}
