package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.DomainMessage;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.reservations.Reservation;
import io.cti.router.screenpop.ScreenPopComposer;
import io.cti.router.screenpop.ScreenPopComposer.PopContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends the screen-pop when an agent's phone rings for a call reserved for that agent: the call's record and
 * current reservation in one read, the reservation confirmed for the ring with the pop's once-marker in one write
 * (no pop for a ring whose reservation ended meanwhile, none twice), then the pop composed from the caller's card
 * as read ahead at the arrival or the reservation. The flow does this on its own thread unless
 * {@link InboundCallFlow#separateScreenPops()} hands it to a bus consumer of its own, so that a pop never waits behind
 * the router's other work; there a pop whose card is still being read is sent when the read completes, without
 * holding up the rings behind it. Thread-safe.
 */
public final class ScreenPops {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenPops.class);
    private static final String POP = "pop:";

    /** A ring of the call's current reservation, confirmed; {@code firstPop}: this ring is the one to pop. */
    record Confirmed(CallRecord record, Reservation reservation, boolean firstPop) {
    }

    private final RingRecords rings;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final FlowSettings settings;
    private final ScreenPopComposer composer;
    private final PopCards pops;
    private final Consumer<DomainMessage> publisher;

    ScreenPops(RingRecords rings, CallLedger ledger, Definitions definitions, FlowSettings settings,
               ScreenPopComposer composer, PopCards pops, Consumer<DomainMessage> publisher) {
        this.rings = rings;
        this.ledger = ledger;
        this.definitions = definitions;
        this.settings = settings;
        this.composer = composer;
        this.pops = pops;
        this.publisher = publisher;
    }

    /**
     * Pops for an {@link AgentLegRinging}; other messages are ignored. A ring handled after the agent already
     * answered (the flow completed the reservation first) still pops, once: the agent talks to that caller.
     */
    public void handle(DomainMessage message) {
        if (!(message instanceof AgentLegRinging ringing)) {
            return;
        }
        RingRecords.Ring ring = rings.read(ringing.callId());
        Optional<Confirmed> confirmed = confirm(ringing, ring, POP);
        if (confirmed.isPresent()) {
            confirmed.filter(Confirmed::firstPop).ifPresent(c -> popWhenRead(ringing, c.record(),
                    c.reservation().agent()));
            return;
        }
        ring.record().filter(r -> r.answeredAt().isPresent() && r.endedAt().isEmpty())
                .ifPresent(r -> r.agent().filter(agent -> sitsAt(agent, ringing.endpoint())).ifPresent(agent -> {
                    String token = r.fields().getOrDefault(CallLedger.TOKEN, "");
                    if (!token.isEmpty() && ledger.once(r.id(), POP + token)) {
                        popWhenRead(ringing, r, agent);
                    }
                }));
    }

    /**
     * Pops once the caller's card is in: at once when it was read ahead, else from the card readers' thread when the
     * read completes, so a slow read holds up no other ring. The pop's once-marker is already written: a pop that
     * could not be sent is logged, not tried again (a redelivered ring would not pop either).
     */
    private void popWhenRead(AgentLegRinging event, CallRecord r, AgentId agent) {
        PopContext context = contextOf(r, agent);
        pops.whenRead(r.id(), r.customer(), event.occurredAt())
                .thenAccept(caller -> publisher.accept(composer.compose(context, event.occurredAt(), caller)))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        LOG.warn("no screen-pop for {} at agent {}: {}", r.id(), agent, failure.toString());
                    }
                });
    }

    /**
     * Confirms the ring of the call's current reservation at the phone that rang, setting {@code marker} once (an
     * empty marker sets none, and the answer's {@code firstPop} is then false); empty for a late ring of an earlier
     * reservation's phone, or one whose reservation ended meanwhile.
     */
    Optional<Confirmed> confirm(AgentLegRinging event, String marker) {
        return confirm(event, rings.read(event.callId()), marker);
    }

    private Optional<Confirmed> confirm(AgentLegRinging event, RingRecords.Ring ring, String marker) {
        CallId call = event.callId();
        Optional<CallRecord> record = ring.record();
        Optional<Reservation> reservation = ring.reservation().filter(r -> sitsAt(r.agent(), event.endpoint()));
        if (record.isEmpty() || reservation.isEmpty()) {
            // A late ring of an earlier reservation's phone, or of one the reaper already gave up.
            LOG.info("{} rings at {} without a current reservation of that phone; no pop", call, event.endpoint());
            return Optional.empty();
        }
        Duration ringTime = definitions.queue(record.get().routedQueue()).map(QueueDefinition::ringTimeout)
                .orElse(Duration.ofSeconds(15));
        RingRecords.Rang rang = rings.rang(call, reservation.get().token(), ringTime.plus(settings.ringMargin()),
                event.occurredAt(), marker.isEmpty() ? "" : marker + reservation.get().token());
        if (!rang.confirmed()) {
            // Expired or given up between the read and the write: the reaper puts the call back; no pop for it.
            LOG.info("{} rings at {} as its reservation {} ends; no pop", call, event.endpoint(),
                    reservation.get().token());
            return Optional.empty();
        }
        return Optional.of(new Confirmed(record.get(), reservation.get(), rang.firstPop()));
    }

    /** Confirms the ring and pops through {@code to} if this ring is the first to (the flow's own way). */
    Optional<Confirmed> ringAndPop(AgentLegRinging event, Consumer<DomainMessage> to) {
        Optional<Confirmed> confirmed = confirm(event, POP);
        confirmed.filter(Confirmed::firstPop).ifPresent(c -> pop(event, c.record(), c.reservation().agent(), to));
        return confirmed;
    }

    private void pop(AgentLegRinging event, CallRecord r, AgentId agent, Consumer<DomainMessage> to) {
        to.accept(composer.compose(contextOf(r, agent), event.occurredAt(), pops.take(r.id(), r.customer(),
                event.occurredAt())));
    }

    private static PopContext contextOf(CallRecord r, AgentId agent) {
        return new PopContext(r.id(), agent, r.routedQueue(), r.callerNumber(), r.customer(), r.arrivedAt(),
                r.ivrChoices(), r.popReason());
    }

    private boolean sitsAt(AgentId agent, String endpoint) {
        return definitions.profileOf(agent).map(p -> p.endpoint().toString().equals(endpoint)).orElse(false);
    }
}
