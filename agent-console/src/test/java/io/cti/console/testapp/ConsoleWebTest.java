package io.cti.console.testapp;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of the console's web edge (login, roles, the push socket) over real HTTP and WebSocket. It shares
 * the one application context of {@link CustomerApiTest} (same application, same settings), so tests make their own
 * users and agents and never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ConsoleWebTest {
}
