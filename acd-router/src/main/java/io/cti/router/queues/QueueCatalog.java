package io.cti.router.queues;

import io.cti.core.customers.FieldError;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;

import java.util.ArrayList;
import java.util.List;

/**
 * The queue definitions as supervisors edit them: validates drafts ({@link QueueValidator}, every error at once,
 * nothing written on error) and stores them ({@link QueueRepository}). Names in paths that cannot be queue names
 * are simply unknown queues. Thread-safe.
 */
public final class QueueCatalog {

    private final QueueRepository queues;
    private final QueueValidator validator;

    public QueueCatalog(QueueRepository queues, QueueValidator validator) {
        this.queues = queues;
        this.validator = validator;
    }

    public StoredQueue create(QueueDraft draft) {
        return queues.create(validator.validate(draft, queues::isActive));
    }

    /**
     * Replaces the definition of queue {@code name}; the body may omit the name but cannot change it (a queue is
     * known by its name in calls and history). {@code expectedVersion} null overwrites whatever is stored.
     */
    public StoredQueue replace(String name, QueueDraft draft, Integer expectedVersion) {
        QueueName queue = known(name);
        if (queues.find(queue).isEmpty()) {
            throw RouterException.noSuchQueue(name);
        }
        if (draft == null || draft.name() == null || draft.name().equals(name)) {
            QueueDraft named = draft == null ? null : withName(draft, name);
            return queues.replace(validator.validate(named, queues::isActive), expectedVersion);
        }
        List<FieldError> errors = new ArrayList<>();
        errors.add(new FieldError("name", "name-mismatch", "a queue cannot be renamed: the body names '"
                + InputChecks.printable(draft.name()) + "' but the path '" + name + "'"));
        try {
            validator.validate(withName(draft, name), queues::isActive);
        } catch (RouterException.InvalidInput e) {
            errors.addAll(e.fieldErrors());
        }
        throw RouterException.invalidInput("queue", errors);
    }

    public StoredQueue get(String name) {
        return queues.find(known(name)).orElseThrow(() -> RouterException.noSuchQueue(name));
    }

    /** Active queues by name; with {@code includeRetired} the retired ones too. */
    public List<StoredQueue> list(boolean includeRetired) {
        return queues.list(includeRetired);
    }

    /** Takes the queue out of service; see {@link QueueRepository#retire(QueueName)}. */
    public StoredQueue retire(String name) {
        return queues.retire(known(name));
    }

    private static QueueName known(String name) {
        if (name == null || !QueueValidator.NAME.matcher(name).matches()) {
            throw RouterException.noSuchQueue(name == null ? "" : InputChecks.printable(name));
        }
        return QueueName.of(name);
    }

    private static QueueDraft withName(QueueDraft d, String name) {
        return new QueueDraft(name, d.displayName(), d.skills(), d.serviceLevel(), d.shortAbandonSeconds(), d.maxWaitSeconds(),
                d.overflow(), d.callbackOffered(), d.strategy(), d.stickyWaitSeconds(), d.ringTimeoutSeconds(), d.wrapUpSeconds());
    }
}
