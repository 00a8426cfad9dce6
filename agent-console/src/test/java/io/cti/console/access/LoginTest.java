package io.cti.console.access;

import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Form login over real HTTP: success, failure, lockout, disabled accounts, CSRF and logout. */
@ConsoleWebTest
class LoginTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    UserRepository repository;

    @Test
    void theRightPasswordLogsInAndSendsAnAgentToTheAgentPage() {
        String agent = users.agent();
        Browser browser = new Browser(port);

        Browser.Page login = browser.logIn(agent, TestUsers.PASSWORD);

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.redirect()).isEqualTo("/");
        assertThat(browser.get("/").redirect()).isEqualTo("/agent.html");
        assertThat(browser.get("/agent.html").status()).isEqualTo(200);
        Browser.Page session = browser.get("/api/session");
        assertThat(session.json().path("authenticated").asBoolean()).isTrue();
        assertThat(session.json().path("username").asString()).isEqualTo(agent);
        assertThat(session.json().path("agentId").asString()).isEqualTo(agent);
    }

    @Test
    void userNamesAreNotCaseSensitive() {
        String supervisor = users.create("supervisor", Role.SUPERVISOR);

        Browser.Page login = new Browser(port).logIn(supervisor.toUpperCase(), TestUsers.PASSWORD);

        assertThat(login.redirect()).isEqualTo("/");
    }

    @Test
    void aWrongPasswordSendsBackToTheLoginPageAndLogsNobodyIn() {
        String agent = users.agent();
        Browser browser = new Browser(port);

        Browser.Page login = browser.logIn(agent, "not the password");

        assertThat(login.redirect()).isEqualTo("/login.html?error");
        assertThat(browser.get("/api/session").json().path("authenticated").asBoolean()).isFalse();
        assertThat(browser.get("/agent.html").redirect()).isEqualTo("/login.html");
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        Browser.Page login = new Browser(port).logIn("nobody-by-this-name", TestUsers.PASSWORD);

        assertThat(login.redirect()).isEqualTo("/login.html?error");
    }

    @Test
    void repeatedFailuresLockTheAccountSoEvenTheRightPasswordIsRefused() {
        String agent = users.agent();
        Browser browser = new Browser(port);

        // the test settings lock after 3 failures in a row
        assertThat(browser.logIn(agent, "wrong 1").redirect()).isEqualTo("/login.html?error");
        assertThat(browser.logIn(agent, "wrong 2").redirect()).isEqualTo("/login.html?error");
        assertThat(browser.logIn(agent, "wrong 3").redirect()).isEqualTo("/login.html?locked");
        Browser.Page rightPassword = browser.logIn(agent, TestUsers.PASSWORD);

        assertThat(rightPassword.redirect()).isEqualTo("/login.html?locked");
        assertThat(browser.get("/api/session").json().path("authenticated").asBoolean()).isFalse();
        assertThat(repository.find(agent).orElseThrow().attempts().failures()).isEqualTo(3);
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        String agent = users.agent();
        Browser browser = new Browser(port);
        browser.logIn(agent, "wrong 1");
        browser.logIn(agent, "wrong 2");

        browser.loggedInAs(agent, TestUsers.PASSWORD);

        assertThat(repository.find(agent).orElseThrow().attempts()).isEqualTo(LoginAttempts.NONE);
        Browser other = new Browser(port);
        other.logIn(agent, "wrong again");
        assertThat(other.logIn(agent, "wrong once more").redirect()).isEqualTo("/login.html?error");
    }

    @Test
    void aDisabledAccountCannotLogInEvenWithTheRightPassword() {
        String agent = users.agent();
        ConsolePrincipal user = repository.find(agent).orElseThrow().principal();
        repository.update(user, false, Instant.now());

        Browser.Page login = new Browser(port).logIn(agent, TestUsers.PASSWORD);

        assertThat(login.redirect()).isEqualTo("/login.html?disabled");
    }

    @Test
    void theLoginFormIsRefusedWithoutTheCsrfToken() {
        String agent = users.agent();
        Browser browser = new Browser(port);

        Browser.Page login = browser.postForm("/login", Map.of("username", agent, "password", TestUsers.PASSWORD));

        assertThat(login.status()).isEqualTo(403);
        assertThat(browser.get("/api/session").json().path("authenticated").asBoolean()).isFalse();
    }

    @Test
    void theLoginFormIsRefusedWithAnotherSessionsCsrfToken() {
        String agent = users.agent();
        String foreignToken = new Browser(port).csrfToken();
        Browser browser = new Browser(port);
        browser.csrfToken();

        Browser.Page login = browser.postForm("/login", Map.of("username", agent, "password", TestUsers.PASSWORD,
                "_csrf", foreignToken));

        assertThat(login.status()).isEqualTo(403);
    }

    @Test
    void logoutNeedsTheCsrfTokenAndThenEndsTheSession() {
        String supervisor = users.create("supervisor", Role.SUPERVISOR);
        Browser browser = new Browser(port).loggedInAs(supervisor, TestUsers.PASSWORD);

        assertThat(browser.postForm("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(browser.get("/supervisor.html").status()).isEqualTo(200);

        Browser.Page logout = browser.postForm("/logout", Map.of("_csrf", browser.csrfToken()));

        assertThat(logout.redirect()).isEqualTo("/login.html?logged-out");
        assertThat(browser.get("/supervisor.html").redirect()).isEqualTo("/login.html");
        assertThat(browser.get("/api/session").json().path("authenticated").asBoolean()).isFalse();
    }

    @Test
    void theSessionIdChangesAtLogin() {
        String supervisor = users.create("supervisor", Role.SUPERVISOR);
        Browser browser = new Browser(port);
        browser.csrfToken();
        String before = browser.sessionCookie().orElseThrow();

        browser.loggedInAs(supervisor, TestUsers.PASSWORD);

        assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void aPageAskedForBeforeLoginIsWhereTheLoginLeads() {
        String supervisor = users.create("supervisor", Role.SUPERVISOR);
        Browser browser = new Browser(port);
        assertThat(browser.get("/customers.html").redirect()).isEqualTo("/login.html");

        Browser.Page login = browser.logIn(supervisor, TestUsers.PASSWORD);

        assertThat(login.redirect()).startsWith("/customers.html");
    }
}
