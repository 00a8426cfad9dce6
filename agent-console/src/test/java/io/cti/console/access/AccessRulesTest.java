package io.cti.console.access;

import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page and API checks the role: who gets in, who gets 403 (with the error JSON for APIs), who must log in. */
@ConsoleWebTest
class AccessRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "AGENT, /agent.html, 200",
            "AGENT, /customers.html, 200",
            "AGENT, /supervisor.html, 403",
            "AGENT, /admin.html, 403",
            "AGENT, /campaigns.html, 403",
            "SUPERVISOR, /supervisor.html, 200",
            "SUPERVISOR, /agent.html, 403",
            "SUPERVISOR, /admin.html, 403",
            "CAMPAIGN_MANAGER, /campaigns.html, 200",
            "CAMPAIGN_MANAGER, /customers.html, 403",
            "CAMPAIGN_MANAGER, /supervisor.html, 403",
            "ADMIN, /admin.html, 200",
            "ADMIN, /supervisor.html, 200",
            "ADMIN, /agent.html, 403",
    })
    void pagesAreOpenOnlyToTheirRoles(Role role, String page, int status) {
        assertThat(as(role).get(page).status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "AGENT, /api/admin/users, 403",
            "AGENT, /api/queues/stats, 403",
            "AGENT, /api/agents/states, 403",
            "AGENT, /api/calls/c-1/routing, 403",
            "AGENT, /api/queues, 403",
            "AGENT, /api/campaigns, 403",
            "SUPERVISOR, /api/admin/users, 403",
            "SUPERVISOR, /api/agent, 403",
            "SUPERVISOR, /api/customers/search?name=Zed, 200",
            "CAMPAIGN_MANAGER, /api/customers/search?name=Zed, 403",
            "CAMPAIGN_MANAGER, /api/admin/users, 403",
            "ADMIN, /api/admin/users, 200",
            "ADMIN, /api/agent, 403",
    })
    void apisAreOpenOnlyToTheirRolesAndRefuseWithTheErrorJson(Role role, String api, int status) {
        Browser.Page page = as(role).get(api);

        assertThat(page.status()).isEqualTo(status);
        if (status == 403) {
            assertThat(page.error()).isEqualTo("forbidden");
            assertThat(page.json().path("message").asString()).contains(api.replaceAll("\\?.*", ""));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} -> 403")
    @CsvSource({
            "AGENT, POST, /api/queues",
            "AGENT, PUT, /api/queues/support",
            "AGENT, POST, /api/queues/support/retire",
            "AGENT, POST, /api/agents",
            "AGENT, PUT, /api/agents/agent01",
            "AGENT, POST, /api/agents/agent01/deactivate",
            "AGENT, POST, /api/reason-codes",
            "AGENT, POST, /api/reason-codes/lunch/retire",
            "SUPERVISOR, POST, /api/queues",
            "SUPERVISOR, PUT, /api/queues/support",
            "SUPERVISOR, PUT, /api/queues/stats",
            "SUPERVISOR, POST, /api/queues/support/retire",
            "SUPERVISOR, POST, /api/agents",
            "SUPERVISOR, PUT, /api/agents/agent01",
            "SUPERVISOR, PUT, /api/agents/states",
            "SUPERVISOR, POST, /api/agents/agent01/deactivate",
            "SUPERVISOR, POST, /api/reason-codes",
            "SUPERVISOR, POST, /api/reason-codes/lunch/retire",
            "CAMPAIGN_MANAGER, POST, /api/queues",
            "CAMPAIGN_MANAGER, PUT, /api/agents/agent01",
            "CAMPAIGN_MANAGER, POST, /api/reason-codes",
    })
    void onlyAnAdministratorChangesQueuesAgentsAndReasonCodes(Role role, String method, String api) {
        Browser browser = as(role);

        Browser.Page page = browser.send(browser.request(api).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", browser.csrfToken())
                .method(method, HttpRequest.BodyPublishers.ofString("{\"name\":\"stats\"}")).build());

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.error()).isEqualTo("forbidden");
    }

    @ParameterizedTest(name = "ADMIN {0} {1} passes the role check")
    @CsvSource({
            "POST, /api/queues",
            "PUT, /api/queues/stats",
            "POST, /api/agents",
            "PUT, /api/agents/states",
            "POST, /api/reason-codes",
            "POST, /api/reason-codes/lunch/retire",
    })
    void anAdministratorsWritesPassTheRoleCheck(String method, String api) {
        Browser browser = as(Role.ADMIN);

        Browser.Page page = browser.send(browser.request(api).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", browser.csrfToken())
                .method(method, HttpRequest.BodyPublishers.ofString("{\"name\":\"stats\"}")).build());

        // The console's test application has no router behind these paths: past security, nothing answers them.
        assertThat(page.status()).isNotIn(401, 403);
    }

    @Test
    void anAgentReachesItsOwnDeskApi() {
        Browser agent = as(Role.AGENT);

        assertThat(agent.get("/api/agent").status()).isEqualTo(200);
        assertThat(agent.get("/api/customers/search?name=Zed").status()).isEqualTo(200);
    }

    @Test
    void anUnauthenticatedApiCallIs401WithTheErrorJsonNotARedirect() {
        Browser.Page page = new Browser(port).get("/api/customers/search?name=Zed");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.error()).isEqualTo("unauthenticated");
        assertThat(page.location()).isNull();
    }

    @Test
    void anUnauthenticatedPageIsARedirectToTheLoginPage() {
        Browser browser = new Browser(port);

        assertThat(browser.get("/").redirect()).isEqualTo("/login.html");
        assertThat(browser.get("/supervisor.html").redirect()).isEqualTo("/login.html");
    }

    @Test
    void theLoginPageAndItsAssetsAreOpenToEveryone() {
        Browser browser = new Browser(port);

        assertThat(browser.get("/login.html").status()).isEqualTo(200);
        assertThat(browser.get("/js/console.js").status()).isEqualTo(200);
        assertThat(browser.get("/css/console.css").status()).isEqualTo(200);
        Browser.Page session = browser.get("/api/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("authenticated").asBoolean()).isFalse();
        assertThat(session.json().path("csrf").path("token").asString()).isNotBlank();
    }

    @Test
    void aSessionsStateChangingApiCallNeedsTheCsrfToken() {
        String agent = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);

        Browser.Page without = browser.sendJsonWithoutCsrf("POST", "/api/agent/state", Map.of("status", "READY"));
        Browser.Page with = browser.postJson("/api/agent/state", Map.of("status", "READY"));

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.error()).isEqualTo("invalid-csrf-token");
        assertThat(with.status()).isEqualTo(202);
    }

    @Test
    void anApiClientWithHttpBasicNeedsNoCsrfTokenAndGetsNoSession() {
        String agent = users.agent();
        Browser client = new Browser(port);

        Browser.Page page = client.send(client.request("/api/agent/state").header("Authorization", basic(agent))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"READY\"}")).build());

        assertThat(page.status()).isEqualTo(202);
        assertThat(client.sessionCookie()).isEmpty();
    }

    @Test
    void httpBasicWithAWrongPasswordIs401() {
        String agent = users.agent();
        Browser client = new Browser(port);

        Browser.Page page = client.send(client.request("/api/agent").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((agent + ":wrong").getBytes(StandardCharsets.UTF_8)))
                .GET().build());

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.error()).isEqualTo("unauthenticated");
    }

    @Test
    void pagesCarryAContentSecurityPolicyThatKeepsScriptsToTheConsolesOwn() {
        Browser.Page page = new Browser(port).get("/login.html");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.body()).doesNotContain("<script>");
    }

    private Browser as(Role role) {
        String username = role == Role.AGENT ? users.agent() : users.create(role.name().toLowerCase(), role);
        return new Browser(port).loggedInAs(username, TestUsers.PASSWORD);
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
