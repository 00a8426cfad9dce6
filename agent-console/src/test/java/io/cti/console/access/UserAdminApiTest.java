package io.cti.console.access;

import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' user API: create, validate, change, passwords, unlock, and the last-admin guard. */
@ConsoleWebTest
class UserAdminApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    UserRepository repository;

    Browser admin;

    @BeforeEach
    void logInAsAdmin() {
        admin = new Browser(port).loggedInAs(users.create("admin", Role.ADMIN), TestUsers.PASSWORD);
    }

    @Test
    void anAdministratorCreatesAnAgentUserWhoCanThenLogIn() {
        Browser.Page created = admin.postJson("/api/admin/users", draft("New.Agent", "A new agent",
                "a long enough secret", List.of("agent"), "agent-new-1"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/admin/users/new.agent");
        assertThat(created.json().path("username").asString()).isEqualTo("new.agent");
        assertThat(created.json().path("roles").toString()).isEqualTo("[\"AGENT\"]");
        assertThat(created.json().path("agentId").asString()).isEqualTo("agent-new-1");
        assertThat(created.body()).doesNotContain("secret", "bcrypt");
        assertThat(new Browser(port).logIn("new.agent", "a long enough secret").redirect()).isEqualTo("/");
        assertThat(repository.find("new.agent").orElseThrow().passwordHash()).startsWith("{bcrypt}$2");
    }

    @Test
    void everythingWrongWithANewUserIsReportedAtOnceAndNothingIsStored() {
        Browser.Page refused = admin.postJson("/api/admin/users", draft("Bad Name!", "", "short",
                List.of("AGENT", "JANITOR"), null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid-user");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("username", "password", "displayName",
                "roles[1]", "agentId");
        assertThat(repository.find("bad name!")).isEmpty();
    }

    @Test
    void onlyAgentsAreLinkedToAnAgentAndNoAgentToTwoUsers() {
        String agent = users.agent();

        Browser.Page supervisorWithAgent = admin.postJson("/api/admin/users", draft("sup-with-agent", "Sup",
                "a long enough secret", List.of("SUPERVISOR"), "agent-x"));
        Browser.Page secondUserOfAnAgent = admin.postJson("/api/admin/users", draft("second-" + agent, "Second",
                "a long enough secret", List.of("AGENT"), agent));

        assertThat(supervisorWithAgent.status()).isEqualTo(400);
        assertThat(supervisorWithAgent.json().path("fieldErrors").get(0).path("code").asString()).isEqualTo("not-an-agent");
        assertThat(secondUserOfAnAgent.status()).isEqualTo(400);
        assertThat(secondUserOfAnAgent.json().path("fieldErrors").get(0).path("code").asString()).isEqualTo("agent-taken");
    }

    @Test
    void aTakenUserNameIs409() {
        String existing = users.create("taken", Role.SUPERVISOR);

        Browser.Page refused = admin.postJson("/api/admin/users", draft(existing, "Again", "a long enough secret",
                List.of("SUPERVISOR"), null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("duplicate-user");
    }

    @Test
    void changingAUsersRolesEndsTheirSessionsAtOnce() {
        String supervisor = users.create("demoted", Role.SUPERVISOR);
        Browser theirBrowser = new Browser(port).loggedInAs(supervisor, TestUsers.PASSWORD);
        assertThat(theirBrowser.get("/api/customers/search?name=Zed").status()).isEqualTo(200);

        Browser.Page changed = admin.putJson("/api/admin/users/" + supervisor, draft(null, "Now a campaign manager",
                null, List.of("CAMPAIGN_MANAGER"), null));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("roles").toString()).isEqualTo("[\"CAMPAIGN_MANAGER\"]");
        Browser.Page after = theirBrowser.get("/api/customers/search?name=Zed");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error()).isEqualTo("session-expired");
    }

    @Test
    void anAdministratorUnlocksALockedAccount() {
        String agent = users.agent();
        Browser browser = new Browser(port);
        for (int i = 0; i < 3; i++) {
            browser.logIn(agent, "wrong " + i);
        }
        assertThat(admin.get("/api/admin/users/" + agent).json().path("locked").asBoolean()).isTrue();

        Browser.Page unlocked = admin.postJson("/api/admin/users/" + agent + "/unlock", Map.of());

        assertThat(unlocked.json().path("locked").asBoolean()).isFalse();
        assertThat(browser.logIn(agent, TestUsers.PASSWORD).redirect()).isEqualTo("/");
    }

    @Test
    void anAdministratorSetsAPasswordAndTheOldOneStopsWorking() {
        String agent = users.agent();

        Browser.Page set = admin.postJson("/api/admin/users/" + agent + "/password",
                Map.of("password", "a brand new password"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(new Browser(port).logIn(agent, TestUsers.PASSWORD).redirect()).isEqualTo("/login.html?error");
        assertThat(new Browser(port).logIn(agent, "a brand new password").redirect()).isEqualTo("/");
    }

    @Test
    void aTooShortPasswordIsRefused() {
        String agent = users.agent();

        Browser.Page refused = admin.postJson("/api/admin/users/" + agent + "/password", Map.of("password", "short"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fieldErrors").get(0).path("code").asString()).isEqualTo("too-short");
    }

    @Test
    void aUserChangesTheirOwnPasswordKnowingTheCurrentOne() {
        String agent = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);

        Browser.Page wrong = browser.postJson("/api/session/password", Map.of("currentPassword", "not it",
                "newPassword", "my very own password"));
        Browser.Page right = browser.postJson("/api/session/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "my very own password"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(right.status()).isEqualTo(204);
        assertThat(new Browser(port).logIn(agent, "my very own password").redirect()).isEqualTo("/");
    }

    @Test
    void anUnknownUserIs404() {
        Browser.Page missing = admin.get("/api/admin/users/nobody-here");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("no-such-user");
    }

    private static Map<String, Object> draft(String username, String displayName, String password, List<String> roles,
                                             String agentId) {
        Map<String, Object> draft = new LinkedHashMap<>();
        if (username != null) {
            draft.put("username", username);
        }
        draft.put("displayName", displayName);
        if (password != null) {
            draft.put("password", password);
        }
        draft.put("roles", roles);
        draft.put("agentId", agentId);
        return draft;
    }

    private static List<String> fields(JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("fieldErrors").forEach(f -> fields.add(f.path("field").asString()));
        return fields;
    }
}
