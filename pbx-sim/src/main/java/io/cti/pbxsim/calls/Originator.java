package io.cti.pbxsim.calls;

import io.cti.pbxsim.PbxSimException;
import io.cti.pbxsim.clock.Cancellable;

import java.util.concurrent.CompletableFuture;

/**
 * The Originate action: dials a channel as Asterisk's dial API does (Newexten AppDial2, variables and caller id
 * on the new channel, DialBegin), waits up to the timeout for its answer, then runs the application or dialplan
 * on it. One instance per originated call; confined to the clock thread.
 */
final class Originator implements DialTracker {

    private final CallCore core;
    private final OriginateRequest request;
    private final CompletableFuture<OriginateOutcome> outcome = new CompletableFuture<>();
    private Channel leg;
    private Cancellable timeout = Cancellable.NONE;

    private Originator(CallCore core, OriginateRequest request) {
        this.core = core;
        this.request = request;
    }

    /** Starts dialing; the future completes when the call answered or failed. */
    static CompletableFuture<OriginateOutcome> originate(CallCore core, OriginateRequest request) {
        Originator originator = new Originator(core, request);
        originator.dial();
        return originator.outcome;
    }

    private void dial() {
        int slash = request.channel().indexOf('/');
        if (slash <= 0 || slash == request.channel().length() - 1) {
            throw PbxSimException.invalidDialString(request.channel());
        }
        String technology = request.channel().substring(0, slash);
        String resource = request.channel().substring(slash + 1);
        boolean local = "Local".equalsIgnoreCase(technology);
        leg = local ? core.locals.create(resource, null)
                : core.endpoints.createLeg(technology, resource, null, request.channelId());
        if (leg == null) {
            outcome.complete(OriginateOutcome.failed(OriginateOutcome.FAILURE));
            return;
        }
        core.newExten(leg, leg.context, leg.exten, leg.priority, "AppDial2", "(Outgoing Line)");
        request.variables().forEach((name, value) -> core.setVariable(leg, name, value));
        leg.accountCode = request.account();
        if (!request.callerId().equals(Party.UNKNOWN)) {
            core.setCaller(leg, request.callerId());
            core.setConnected(leg, request.callerId());
        }
        if (local && !core.locals.call(leg)) {
            outcome.complete(OriginateOutcome.failed(OriginateOutcome.FAILURE));
            return;
        }
        leg.dialTracker = this;
        core.events.dial("DialBegin", null, leg, "DialString", resource);
        timeout = core.clock.schedule(request.timeout(), this::timedOut);
        if (local) {
            core.locals.start(leg);
        } else {
            core.endpoints.ring(leg, resource);
        }
    }

    @Override
    public void ringing() {
        core.events.dial("DialState", null, leg, "DialStatus", "RINGING");
    }

    @Override
    public void answered() {
        timeout.cancel();
        leg.dialTracker = null;
        core.events.dial("DialEnd", null, leg, "DialStatus", "ANSWER");
        outcome.complete(new OriginateOutcome(OriginateOutcome.ANSWERED, leg.name, leg.uniqueid));
        if (!leg.alive()) {
            return;
        }
        if (request.runsApplication()) {
            core.startApplication(leg, request.application(), request.data());
        } else {
            core.startDialplan(leg, request.context(), request.exten(), request.priority());
        }
    }

    @Override
    public void busy() {
        refused("BUSY", OriginateOutcome.BUSY, HangupCause.USER_BUSY);
    }

    @Override
    public void congestion() {
        refused("CONGESTION", OriginateOutcome.CONGESTION, HangupCause.CONGESTION);
    }

    @Override
    public void failed(int cause) {
        timeout.cancel();
        outcome.complete(OriginateOutcome.failed(switch (cause) {
            case HangupCause.USER_BUSY -> OriginateOutcome.BUSY;
            case HangupCause.CONGESTION -> OriginateOutcome.CONGESTION;
            case HangupCause.NO_ANSWER, 18 -> OriginateOutcome.NO_ANSWER;
            default -> OriginateOutcome.HANGUP;
        }));
    }

    private void refused(String dialStatus, int reason, int endpointCause) {
        timeout.cancel();
        leg.dialTracker = null;
        core.events.dial("DialEnd", null, leg, "DialStatus", dialStatus);
        // The dialed Local ;1 never got a cause of its own; an endpoint leg carries the refusal's cause.
        int cause = leg.localPeer != null ? HangupCause.NOT_DEFINED : endpointCause;
        core.hangups.hangupNow(leg, cause);
        outcome.complete(OriginateOutcome.failed(reason));
    }

    private void timedOut() {
        if (leg.dialTracker != this || !leg.alive()) {
            return;
        }
        leg.dialTracker = null;
        core.hangups.hangupNow(leg, HangupCause.NO_ANSWER);
        outcome.complete(OriginateOutcome.failed(OriginateOutcome.NO_ANSWER));
    }
}
