package io.cti.console.customers;

import io.cti.console.customers.HistoryDrafts.CarePlanContactDraft;
import io.cti.console.customers.HistoryDrafts.InteractionDraft;
import io.cti.console.customers.HistoryDrafts.PurchaseDraft;
import io.cti.console.customers.HistoryDrafts.SatisfactionDraft;
import io.cti.console.customers.HistoryDrafts.ServiceRequestDraft;
import io.cti.core.customers.CarePlanContact;
import io.cti.core.customers.Channel;
import io.cti.core.customers.Direction;
import io.cti.core.customers.Interaction;
import io.cti.core.customers.Purchase;
import io.cti.core.customers.ServiceRequest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Checks the history drafts field by field and returns the domain record each describes, or throws
 * {@code invalid-<what>} listing every error found; nothing is written before this passes. Thread-safe.
 */
final class HistoryValidator {

    /** Clients' clocks run a little ahead of ours; a contact "now" on their clock must not be refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final long MAX_SECONDS = 7L * 24 * 3600;
    private static final long MAX_QUANTITY = 1_000_000;

    private final Clock clock;

    HistoryValidator(Clock clock) {
        this.clock = clock;
    }

    Purchase purchase(PurchaseDraft draft) {
        FieldChecks checks = new FieldChecks();
        LocalDate today = LocalDate.now(clock);
        LocalDate purchasedOn = checks.required("purchasedOn", checks.date("purchasedOn", draft.purchasedOn()));
        String product = checks.required("product", checks.line("product", draft.product()));
        BigDecimal amount = checks.required("amount", checks.amount("amount", draft.amount()));
        Long quantity = checks.whole("quantity", draft.quantity(), 1, MAX_QUANTITY);
        LocalDate dueOn = checks.date("dueOn", draft.dueOn());
        LocalDate paidOn = checks.date("paidOn", draft.paidOn());
        checks.notAfter("purchasedOn", purchasedOn, today, "today");
        checks.notAfter("paidOn", paidOn, today, "today");
        checks.notBefore("dueOn", dueOn, "purchasedOn", purchasedOn);
        checks.notBefore("paidOn", paidOn, "purchasedOn", purchasedOn);
        checks.throwIfAny("purchase");
        return new Purchase(purchasedOn, product, amount, quantity == null ? 1 : quantity.intValue(), dueOn, paidOn);
    }

    Interaction interaction(InteractionDraft draft) {
        FieldChecks checks = new FieldChecks();
        Channel channel = checks.choice("channel", draft.channel(), Channel.class, Channel.PHONE);
        Direction direction = checks.required("direction",
                checks.choice("direction", draft.direction(), Direction.class, null));
        String agentId = checks.line("agentId", draft.agentId());
        String callId = checks.line("callId", draft.callId());
        String queue = checks.line("queue", draft.queue());
        String outcome = checks.required("outcome", checks.line("outcome", draft.outcome()));
        String disposition = checks.line("disposition", draft.disposition());
        String notes = checks.notes("notes", draft.notes());
        Instant startedAt = checks.instant("startedAt", draft.startedAt());
        Instant endedAt = checks.instant("endedAt", draft.endedAt());
        Long wait = checks.whole("waitSeconds", draft.waitSeconds(), 0, MAX_SECONDS);
        Long talk = checks.whole("talkSeconds", draft.talkSeconds(), 0, MAX_SECONDS);
        Instant start = startedAt == null ? clock.instant() : startedAt;
        checks.notAfter("startedAt", startedAt, latestNow(), "now");
        checks.notBefore("endedAt", endedAt, "startedAt", start);
        checks.throwIfAny("interaction");
        return new Interaction(0, channel, direction, agentId, callId, queue, outcome, disposition, notes, start,
                endedAt, toInt(wait), toInt(talk));
    }

    ServiceRequest serviceRequest(ServiceRequestDraft draft) {
        FieldChecks checks = new FieldChecks();
        ServiceRequest.Kind kind = checks.required("kind",
                checks.choice("kind", draft.kind(), ServiceRequest.Kind.class, null));
        String subject = checks.required("subject", checks.line("subject", draft.subject()));
        ServiceRequest.Status status = checks.choice("status", draft.status(), ServiceRequest.Status.class,
                ServiceRequest.Status.OPEN);
        Instant openedAt = checks.instant("openedAt", draft.openedAt());
        Instant closedAt = checks.instant("closedAt", draft.closedAt());
        Instant opened = openedAt == null ? clock.instant() : openedAt;
        checks.notAfter("openedAt", openedAt, latestNow(), "now");
        checks.notBefore("closedAt", closedAt, "openedAt", opened);
        boolean open = status == ServiceRequest.Status.OPEN || status == ServiceRequest.Status.IN_PROGRESS;
        if (open && closedAt != null) {
            checks.add("closedAt", "not-closed", "an " + status + " request has no closing time");
        }
        checks.throwIfAny("service-request");
        Instant closed = open || closedAt != null ? closedAt : clock.instant();
        return new ServiceRequest(0, kind, subject, status, opened, closed);
    }

    SatisfactionScore satisfaction(SatisfactionDraft draft) {
        FieldChecks checks = new FieldChecks();
        Long score = checks.required("score", checks.whole("score", draft.score(), 1, 5));
        Long interactionId = checks.whole("interactionId", draft.interactionId(), 1, Long.MAX_VALUE);
        Instant recordedAt = checks.instant("recordedAt", draft.recordedAt());
        checks.notAfter("recordedAt", recordedAt, latestNow(), "now");
        String comment = checks.notes("comment", draft.comment());
        checks.throwIfAny("satisfaction");
        return new SatisfactionScore(score.intValue(), interactionId,
                recordedAt == null ? clock.instant() : recordedAt, comment);
    }

    CarePlanContact carePlanContact(CarePlanContactDraft draft) {
        FieldChecks checks = new FieldChecks();
        Instant plannedAt = checks.required("plannedAt", checks.instant("plannedAt", draft.plannedAt()));
        String purpose = checks.required("purpose", checks.line("purpose", draft.purpose()));
        Channel channel = checks.choice("channel", draft.channel(), Channel.class, Channel.PHONE);
        String owner = checks.line("ownerAgent", draft.ownerAgent());
        checks.throwIfAny("care-plan-contact");
        return new CarePlanContact(0, plannedAt, purpose, channel, owner, null);
    }

    private Instant latestNow() {
        return clock.instant().plus(CLOCK_SKEW);
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }

    /** A validated satisfaction score, as {@code CustomerHistory.recordSatisfaction} takes it. */
    record SatisfactionScore(int score, Long interactionId, Instant recordedAt, String comment) {
    }
}
