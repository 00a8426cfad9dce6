package io.cti.platform.routing;

import io.cti.console.access.UserRepository;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.bus.MessageHandler;
import io.cti.core.ids.CallId;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.router.staff.AgentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console on the default run's floor: a newcomer logs in as the demo agent agent01, goes Ready over the push
 * socket, gets the screen-pop of a demo call the router sends them while the supervisor's wallboard sees it, and
 * wraps the call up, which reaches the customer's history. The bots are off, so agent01 is the only agent taking calls;
 * what the bots would do is checked on a bot set of its own that publishes nowhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/console-floor",
        "cti.platform.wipe-data=true",
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=300",
        "cti.platform.pbx.traffic.calls-per-hour=720",
        "cti.platform.pbx.traffic.no-answer=0",
        "cti.platform.pbx.traffic.unknown-share=0",
        "cti.router.demo.bots=false",
})
@DirtiesContext
class ConsoleOnTheFloorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    MessageBus bus;

    @Autowired
    AgentRepository agents;

    @Autowired
    UserRepository consoleUsers;

    @Autowired
    RouterProperties router;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theBotsLeaveTheAgentsThatHaveConsoleUsersToPeople() {
        List<ChangeAgentState> published = new CopyOnWriteArrayList<>();
        MessageBus recording = new MessageBus() {
            @Override
            public String publish(DomainMessage message) {
                published.add((ChangeAgentState) message);
                return "0-0";
            }

            @Override
            public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
                return bus.subscribe(subscription, handler);
            }

            @Override
            public void close() {
            }
        };
        try (DemoAgentBots bots = new DemoAgentBots(agents, recording, "test-bots", router.demo(),
                consoleUsers::hasUserFor)) {
            bots.onApplicationEvent(null);
        }

        List<String> loggedIn = published.stream().map(c -> c.agentId().value()).toList();
        assertThat(loggedIn).hasSize(27).contains("agent03", "agent30")
                .doesNotContain("agent01", "agent02", "agent09");
    }

    @Test
    void anAgentGoesReadyGetsThePopOfARoutedCallAndWrapsItUpWhileTheWallboardWatches() throws Exception {
        ConsoleUser supervisor = ConsoleUser.logIn(port, "supervisor", "supervisor-demo");
        ConsoleUser agent = ConsoleUser.logIn(port, "agent01", "agent01-demo");
        try {
            supervisor.await(PATIENCE, ConsoleUser.type("wallboard-snapshot"));
            agent.await(PATIENCE, ConsoleUser.type("agent-snapshot"));

            agent.send("{\"type\":\"ready\"}");

            agent.await(PATIENCE, f -> isState(f, "READY"));
            supervisor.await(PATIENCE, f -> isState(f, "READY") && f.path("data").path("agentId").asString().equals("agent01"));
            supervisor.await(PATIENCE, ConsoleUser.type("queue-figures"));
            JsonNode pop = agent.await(PATIENCE, ConsoleUser.type("pop")).path("data");
            String call = pop.path("callId").asString();
            assertThat(pop.path("agentId").asString()).isEqualTo("agent01");
            supervisor.await(PATIENCE, f -> f.path("type").asString().equals("agent-state")
                    && call.equals(f.path("data").path("callId").asString()));
            agent.await(PATIENCE, f -> isState(f, "ON_CALL"));

            bus.publish(HangUp.now(CallId.of(call)));
            agent.await(PATIENCE, f -> isState(f, "WRAP_UP"));
            agent.send("{\"type\":\"wrap-up\",\"callId\":\"" + call + "\",\"disposition\":\"sale\",\"notes\":\"by a person\"}");

            agent.await(PATIENCE, ConsoleUser.type("accepted"));
            await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                    "select disposition from interaction where call_id = ?", String.class, call).contains("sale"));
            assertThat(jdbc.queryForObject("select notes from interaction where call_id = ?", String.class, call))
                    .startsWith("by a person");
        } finally {
            agent.close();
            supervisor.close();
        }
    }

    private static boolean isState(JsonNode frame, String status) {
        return frame.path("type").asString().equals("agent-state") && frame.path("data").path("status").asString().equals(status);
    }
}
