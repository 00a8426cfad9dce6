package io.cti.console.testapp;

import io.cti.console.access.UserRepository;
import io.cti.console.customers.UnexpectedFailureEndpoint;
import io.cti.console.push.AgentNames;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/**
 * The smallest application the console runs in: cti-core's customer beans and an event bus on fresh embedded
 * servers ({@link CoreTestBeans}), the console itself (customer API, access control, push channel) arriving
 * through agent-console's auto-configurations exactly as in the platform (this package holds nothing to scan),
 * plus one test-only endpoint that fails unexpectedly, a maker of test users and their agents' names. Stateless.
 */
@SpringBootApplication
@Import({CoreTestBeans.class, UnexpectedFailureEndpoint.class})
public class ConsoleTestApplication {

    @Bean
    TestUsers testUsers(UserRepository users, PasswordEncoder passwords, Clock clock) {
        return new TestUsers(users, passwords, clock);
    }

    /** The agent directory the platform gives the console: here, the test agents' names. */
    @Bean
    AgentNames agentNames(TestUsers users) {
        return users::agentNames;
    }
}
