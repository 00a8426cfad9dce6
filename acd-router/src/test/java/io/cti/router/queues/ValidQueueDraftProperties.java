package io.cti.router.queues;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.QueueName;
import io.cti.router.testapp.RouterDatabases;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class ValidQueueDraftProperties {

    private static final Predicate<QueueName> TARGET_EXISTS = q -> q.value().equals(ValidQueueDrafts.TARGET);
    private static HikariDataSource dataSource;
    private static QueueRepository queues;

    private final QueueValidator validator = new QueueValidator();

    @Property(tries = 500)
    void aDraftObeyingEveryRuleIsAcceptedAndItsRenderingValidatesToTheSameDefinition(@ForAll long seed) {
        QueueDefinition queue = validator.validate(ValidQueueDrafts.draft(seed, "generated"), TARGET_EXISTS);

        assertThat(validator.validate(QueueDraft.of(queue), TARGET_EXISTS)).isEqualTo(queue);
    }

    @Property(tries = 40)
    void aValidDefinitionComesBackFromTheDatabaseExactlyAsStored(@ForAll long seed) {
        QueueRepository repository = repository();
        QueueDefinition queue = validator.validate(ValidQueueDrafts.draft(seed, RouterDatabases.unique("generated")), repository::isActive);

        StoredQueue stored = repository.create(queue);

        assertThat(stored.definition()).isEqualTo(queue);
        assertThat(repository.find(queue.name()).orElseThrow()).isEqualTo(stored);
    }

    private static synchronized QueueRepository repository() {
        if (queues == null) {
            dataSource = RouterDatabases.fresh();
            queues = new QueueRepository(dataSource, RouterDatabases.schemaOf(dataSource));
            queues.create(new QueueValidator().validate(TestQueues.valid(ValidQueueDrafts.TARGET).build(), q -> false));
        }
        return queues;
    }

    @AfterContainer
    static void closeDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
