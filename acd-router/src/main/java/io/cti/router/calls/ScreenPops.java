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
 * as read ahead at the reservation. The flow does this on its own thread unless
 * {@link InboundCallFlow#separateScreenPops()} hands it to a bus consumer of its own, so that a pop never waits behind
 * the router's other work. Thread-safe.
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
            confirmed.filter(Confirmed::firstPop).ifPresent(c -> pop(ringing, c.record(), c.reservation().agent(),
                    publisher));
            return;
        }
        ring.record().filter(r -> r.answeredAt().isPresent() && r.endedAt().isEmpty())
                .ifPresent(r -> r.agent().filter(agent -> sitsAt(agent, ringing.endpoint())).ifPresent(agent -> {
                    String token = r.fields().getOrDefault(CallLedger.TOKEN, "");
                    if (!token.isEmpty() && ledger.once(r.id(), POP + token)) {
                        pop(ringing, r, agent, publisher);
                    }
                }));
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
        PopContext context = new PopContext(r.id(), agent, r.routedQueue(), r.callerNumber(), r.customer(),
                r.arrivedAt(), r.ivrChoices(), r.popReason());
        to.accept(composer.compose(context, event.occurredAt(), pops.take(r.id(), r.customer(), event.occurredAt())));
    }

    private boolean sitsAt(AgentId agent, String endpoint) {
        return definitions.profileOf(agent).map(p -> p.endpoint().toString().equals(endpoint)).orElse(false);
    }
}
