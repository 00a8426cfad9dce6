package io.cti.console.access;

import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo users of the default run: there, with their roles and agents, printed, and never made twice. */
@ExtendWith(OutputCaptureExtension.class)
@ConsoleWebTest
class DemoUsersTest {

    @LocalServerPort
    int port;

    @Autowired
    UserRepository users;

    @Autowired
    DemoUsers demo;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void theDemoUsersExistWithTheirRolesAndAgents() {
        assertThat(users.find("admin").orElseThrow().principal().roles()).containsExactly(Role.ADMIN);
        assertThat(users.find("supervisor").orElseThrow().principal().roles()).containsExactly(Role.SUPERVISOR);
        assertThat(users.find("campaigns").orElseThrow().principal().roles()).containsExactly(Role.CAMPAIGN_MANAGER);
        for (String agent : new String[]{"agent01", "agent02", "agent09"}) {
            ConsolePrincipal user = users.find(agent).orElseThrow().principal();
            assertThat(user.roles()).containsExactly(Role.AGENT);
            assertThat(user.agentId()).isEqualTo(agent);
        }
    }

    @Test
    void aNewcomerLogsInWithThePrintedPassword() {
        assertThat(new Browser(port).logIn("agent01", "agent01-demo").redirect()).isEqualTo("/");
        assertThat(new Browser(port).logIn("supervisor", "supervisor-demo").redirect()).isEqualTo("/");
    }

    @Test
    void anotherStartCreatesNothingTwiceAndPrintsTheUsersWithTheirPasswords(CapturedOutput output) {
        int before = users.list().size();

        demo.onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0], context,
                Duration.ZERO));

        assertThat(users.list()).hasSize(before);
        assertThat(output.getOut()).contains("Demo users", "admin / admin-demo", "supervisor / supervisor-demo",
                "campaigns / campaigns-demo", "agent01 / agent01-demo  [AGENT] takes calls as agent01");
    }
}
