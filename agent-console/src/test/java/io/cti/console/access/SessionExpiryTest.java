package io.cti.console.access;

import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleTestApplication;
import io.cti.console.testapp.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions end after {@code cti.console.session-timeout} without use. An application of its own with a one-second
 * timeout; the test waits past it (a wait for time to pass, not a check of how fast anything is).
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cti.console.session-timeout=1s")
@DirtiesContext
class SessionExpiryTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void anIdleSessionExpiresAndPagesAndApisSayToLogInAgain() throws InterruptedException {
        String supervisor = users.create("idle", Role.SUPERVISOR);
        Browser browser = new Browser(port).loggedInAs(supervisor, TestUsers.PASSWORD);
        assertThat(browser.get("/api/session").json().path("timeoutSeconds").asInt()).isEqualTo(1);
        assertThat(browser.get("/supervisor.html").status()).isEqualTo(200);

        Thread.sleep(2_500);

        Browser.Page api = browser.get("/api/customers/search?name=Zed");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.error()).isEqualTo("session-expired");
        assertThat(browser.get("/supervisor.html").redirect()).isEqualTo("/login.html?expired");
    }
}
