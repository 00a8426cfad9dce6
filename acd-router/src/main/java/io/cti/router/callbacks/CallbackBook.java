package io.cti.router.callbacks;

import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.router.RouterException;
import io.cti.router.queues.QueueRepository;
import io.cti.router.staff.AgentRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schedules callbacks asked for over the API and answers what is scheduled: a draft is checked whole (every problem
 * named with its field), its number read as E.164, its customer looked up by that number; a valid one is filed as
 * a pending callback the router puts in its queue at the due time. Thread-safe.
 */
public final class CallbackBook {

    static final int MAX_NOTE = 500;
    static final int MAX_LIST = 500;

    private final CallbackRepository callbacks;
    private final QueueRepository queues;
    private final AgentRepository agents;
    private final PhoneNumberNormalizer normalizer;
    private final CustomerCards cards;
    private final CallbackSettings settings;
    private final Clock clock;

    public CallbackBook(CallbackRepository callbacks, QueueRepository queues, AgentRepository agents,
                        PhoneNumberNormalizer normalizer, CustomerCards cards, CallbackSettings settings, Clock clock) {
        this.callbacks = callbacks;
        this.queues = queues;
        this.agents = agents;
        this.normalizer = normalizer;
        this.cards = cards;
        this.settings = settings;
        this.clock = clock;
    }

    /** Files the draft; {@code invalid-callback} with every problem when it cannot be. */
    public Callback schedule(CallbackDraft draft) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Optional<PhoneNumber> number = number(draft.number(), errors);
        Optional<QueueName> queue = queue(draft.queue(), errors);
        Optional<Instant> due = dueAt(draft.dueAt(), now, errors);
        Optional<AgentId> agent = agent(draft.agentId(), errors);
        String note = draft.note() == null ? "" : draft.note().strip();
        if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "too-long", "is " + note.length() + " characters, at most " + MAX_NOTE));
        } else if (note.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(new FieldError("note", "control-characters", "may hold line breaks but no other control characters"));
        }
        if (!errors.isEmpty()) {
            throw RouterException.invalidInput("callback", errors);
        }
        CustomerId customer = number.flatMap(cards::byNumber).map(CustomerCard::id).orElse(null);
        CallbackRequest request = new CallbackRequest(CallbackKind.SCHEDULED, queue.orElseThrow(), number.orElseThrow(),
                customer, agent.orElse(null), null, null, "", List.of(), note, due.orElseThrow(), due.orElseThrow(),
                settings.maxAttempts());
        return callbacks.file(request).orElseThrow();
    }

    public Callback get(long id) {
        return callbacks.find(CallbackId.of(id)).orElseThrow(() -> RouterException.noSuchCallback(id));
    }

    /** The open callbacks (or all with {@code includeClosed}), by due time, at most {@value #MAX_LIST}. */
    public List<Callback> list(boolean includeClosed) {
        return callbacks.list(!includeClosed, MAX_LIST);
    }

    public Callback cancel(long id) {
        return callbacks.cancel(CallbackId.of(id));
    }

    private Optional<PhoneNumber> number(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("number", "required", "is required: the number to call back"));
            return Optional.empty();
        }
        Optional<PhoneNumber> number = normalizer.tryNormalize(text);
        if (number.isEmpty()) {
            errors.add(new FieldError("number", "not-a-phone-number", "'" + PhoneNumber.mask(text)
                    + "' is not a phone number that can be called"));
        }
        return number;
    }

    private Optional<QueueName> queue(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("queue", "required", "is required: the queue whose agents call back"));
            return Optional.empty();
        }
        QueueName name;
        try {
            name = QueueName.of(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("queue", "no-such-queue", "'" + text + "' is not a queue name"));
            return Optional.empty();
        }
        if (!queues.isActive(name)) {
            errors.add(new FieldError("queue", "no-such-queue", "no active queue named '" + text + "'"));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private Optional<Instant> dueAt(String text, Instant now, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("dueAt", "required", "is required: when to call back"));
            return Optional.empty();
        }
        Instant due;
        try {
            due = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("dueAt", "not-a-date-time", "'" + text
                    + "' is not an ISO-8601 date-time with an offset, such as 2026-12-01T14:30:00+01:00"));
            return Optional.empty();
        }
        Optional<FieldError> problem = DueTimes.problem("dueAt", due, now, settings.maxAhead());
        problem.ifPresent(errors::add);
        return problem.isPresent() ? Optional.empty() : Optional.of(due);
    }

    private Optional<AgentId> agent(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            AgentId agent = AgentId.of(text);
            if (agents.find(agent).filter(a -> a.active()).isPresent()) {
                return Optional.of(agent);
            }
        } catch (IllegalArgumentException e) {
            // Not even an agent id: the same answer as an unknown one.
        }
        errors.add(new FieldError("agentId", "no-such-agent", "no active agent '" + text + "'"));
        return Optional.empty();
    }
}
