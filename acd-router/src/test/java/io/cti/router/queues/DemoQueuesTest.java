package io.cti.router.queues;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.QueueName;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoQueuesTest {

    @Test
    void theDemoQueuesAreStoredIntoAnEmptyDatabaseAndNeverAgain() {
        try (HikariDataSource dataSource = RouterDatabases.fresh()) {
            QueueRepository queues = new QueueRepository(dataSource, RouterDatabases.schemaOf(dataSource));

            int first = new DemoQueues().loadInto(queues);
            queues.retire(QueueName.of("vip"));
            int second = new DemoQueues().loadInto(queues);

            assertThat(first).isEqualTo(7);
            assertThat(second).isZero();
            assertThat(queues.list(true)).extracting(q -> q.definition().name().value())
                    .containsExactlyInAnyOrder("sales", "support", "billing", "retention", "win-back", "collections", "vip");
            assertThat(queues.find(QueueName.of("vip")).orElseThrow().active()).as("an administrator's change stays").isFalse();
        }
    }

    @Test
    void nothingIsSeededIntoADatabaseThatAlreadyHasAQueue() {
        try (HikariDataSource dataSource = RouterDatabases.fresh()) {
            QueueRepository queues = new QueueRepository(dataSource, RouterDatabases.schemaOf(dataSource));
            queues.create(new QueueValidator().validate(TestQueues.valid("own").build(), q -> false));

            assertThat(new DemoQueues().loadInto(queues)).isZero();
            assertThat(queues.list(true)).hasSize(1);
        }
    }

    @Test
    void everyDemoQueueRequiresSkillsAndHasAnOverflow() {
        try (HikariDataSource dataSource = RouterDatabases.fresh()) {
            QueueRepository queues = new QueueRepository(dataSource, RouterDatabases.schemaOf(dataSource));
            new DemoQueues().loadInto(queues);

            assertThat(queues.list(false)).allSatisfy(q -> {
                assertThat(q.definition().skills()).isNotEmpty();
                assertThat(q.definition().overflow()).isNotEmpty();
            });
        }
    }
}
