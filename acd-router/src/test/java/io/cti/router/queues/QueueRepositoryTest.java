package io.cti.router.queues;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.cti.router.queues.TestQueues.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueRepositoryTest {

    private static HikariDataSource dataSource;
    private static QueueRepository queues;
    private final QueueValidator validator = new QueueValidator();

    @BeforeAll
    static void database() {
        dataSource = RouterDatabases.fresh();
        queues = new QueueRepository(dataSource, RouterDatabases.schemaOf(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aCreatedQueueIsFoundWithEveryValueActiveAtVersionOne() {
        QueueDefinition queue = define(TestQueues.valid(RouterDatabases.unique("created")));

        StoredQueue stored = queues.create(queue);

        assertThat(stored.definition()).isEqualTo(queue);
        assertThat(stored.active()).isTrue();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(queues.find(queue.name())).contains(stored);
    }

    @Test
    void aSecondQueueOfTheSameNameIsADuplicateAndChangesNothing() {
        QueueDefinition queue = define(TestQueues.valid(RouterDatabases.unique("twice")));
        queues.create(queue);
        Map<String, Integer> before = RouterDatabases.counts(dataSource);

        assertThatThrownBy(() -> queues.create(queue)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.errorId()).isEqualTo("duplicate-queue"));
        assertThat(RouterDatabases.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void aReplaceStoresTheNewDefinitionAndRaisesTheVersion() {
        String name = RouterDatabases.unique("replaced");
        queues.create(define(TestQueues.valid(name)));
        TestQueues.Builder changed = TestQueues.valid(name);
        changed.maxWaitSeconds = 900;
        changed.overflow.clear();
        changed.skills.remove(1);

        StoredQueue replaced = queues.replace(define(changed), 1);

        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.definition()).isEqualTo(define(changed));
        assertThat(replaced.updatedAt()).isAfterOrEqualTo(replaced.createdAt());
        assertThat(queues.find(QueueName.of(name)).orElseThrow().definition().maxWait()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void aReplaceExpectingAnOlderVersionIsStaleAndChangesNothing() {
        String name = RouterDatabases.unique("stale");
        queues.create(define(TestQueues.valid(name)));
        queues.replace(define(TestQueues.valid(name)), 1);
        StoredQueue before = queues.find(QueueName.of(name)).orElseThrow();

        assertThatThrownBy(() -> queues.replace(define(TestQueues.valid(name)), 1)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.errorId()).isEqualTo("stale-queue"));
        assertThat(queues.find(QueueName.of(name))).contains(before);
    }

    @Test
    void replacingAQueueThatDoesNotExistIsNoSuchQueue() {
        assertThatThrownBy(() -> queues.replace(define(TestQueues.valid("never-created")), null))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.errorId()).isEqualTo("no-such-queue"));
    }

    @Test
    void aRetiredQueueKeepsItsDefinitionLeavesTheActiveListAndStaysRetired() {
        QueueDefinition queue = define(TestQueues.valid(RouterDatabases.unique("retired")));
        queues.create(queue);

        StoredQueue retired = queues.retire(queue.name());
        StoredQueue again = queues.retire(queue.name());

        assertThat(retired.active()).isFalse();
        assertThat(retired.definition()).isEqualTo(queue);
        assertThat(again.version()).as("idempotent").isEqualTo(retired.version());
        assertThat(queues.list(false)).extracting(StoredQueue::definition).doesNotContain(queue);
        assertThat(queues.list(true)).extracting(StoredQueue::definition).contains(queue);
        assertThat(queues.isActive(queue.name())).isFalse();
        assertThat(queues.replace(queue, null).active()).as("a replace does not revive it").isFalse();
    }

    @Test
    void aQueueThatAnActiveQueueOverflowsIntoCannotBeRetired() {
        String target = RouterDatabases.unique("target");
        queues.create(define(TestQueues.valid(target)));
        TestQueues.Builder source = TestQueues.valid(RouterDatabases.unique("source"));
        source.overflow.add(move(200, target));
        queues.create(define(source));

        assertThatThrownBy(() -> queues.retire(QueueName.of(target))).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.errorId()).isEqualTo("queue-in-use");
            assertThat(e.getMessage()).contains(source.name);
        });
        queues.retire(QueueName.of(source.name));
        assertThat(queues.retire(QueueName.of(target)).active()).as("once the source is retired").isFalse();
    }

    @Test
    void listingAnswersActiveQueuesByNameWithTheirPartsInThreeQueries() {
        QueueDefinition b = define(TestQueues.valid(RouterDatabases.unique("list-b")));
        QueueDefinition a = define(TestQueues.valid(RouterDatabases.unique("list-a")));
        queues.create(b);
        queues.create(a);

        assertThat(queues.list(false)).extracting(StoredQueue::definition).contains(a, b);
        assertThat(queues.list(false)).extracting(s -> s.definition().name().value()).isSorted();
    }

    @Test
    void retiringAnUnknownQueueIsNoSuchQueue() {
        assertThatThrownBy(() -> queues.retire(QueueName.of("nobody-here")))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.errorId()).isEqualTo("no-such-queue"));
    }

    private QueueDefinition define(TestQueues.Builder draft) {
        return validator.validate(draft.build(), queues::isActive);
    }
}
