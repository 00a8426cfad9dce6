package io.cti.router.staff;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.AgentId;
import io.cti.router.queues.DemoQueues;
import io.cti.router.queues.QueueRepository;
import io.cti.router.queues.StoredQueue;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoAgentsTest {

    @Test
    void thirtyDemoAgentsAreStoredIntoAnEmptyDatabaseAndNeverAgain() {
        try (HikariDataSource dataSource = RouterDatabases.fresh()) {
            AgentRepository agents = new AgentRepository(dataSource, RouterDatabases.schemaOf(dataSource));

            int first = new DemoAgents().loadInto(agents);
            agents.deactivate(AgentId.of("agent07"));
            int second = new DemoAgents().loadInto(agents);

            assertThat(first).isEqualTo(30);
            assertThat(second).isZero();
            assertThat(agents.list(true)).hasSize(30);
            assertThat(agents.find(AgentId.of("agent07")).orElseThrow().active()).as("an administrator's change stays").isFalse();
            StoredAgent agent01 = agents.find(AgentId.of("agent01")).orElseThrow();
            assertThat(agent01.profile().endpoint()).hasToString("PJSIP/2001");
            assertThat(agents.find(AgentId.of("agent30")).orElseThrow().profile().endpoint()).hasToString("PJSIP/2030");
        }
    }

    @Test
    void everyDemoQueueHasAtLeastThreeDemoAgentsWhoMeetItsSkills() {
        try (HikariDataSource dataSource = RouterDatabases.fresh()) {
            AgentRepository agents = new AgentRepository(dataSource, RouterDatabases.schemaOf(dataSource));
            QueueRepository queues = new QueueRepository(dataSource, RouterDatabases.schemaOf(dataSource));
            new DemoAgents().loadInto(agents);
            new DemoQueues().loadInto(queues);

            for (StoredQueue queue : queues.list(false)) {
                long eligible = agents.list(false).stream()
                        .filter(a -> queue.definition().skills().stream().allMatch(r -> r.metBy(a.profile().skills())))
                        .count();
                assertThat(eligible).as(queue.definition().name().value()).isGreaterThanOrEqualTo(3);
            }
        }
    }
}
