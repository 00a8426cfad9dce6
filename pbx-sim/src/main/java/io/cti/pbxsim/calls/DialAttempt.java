package io.cti.pbxsim.calls;

import io.cti.pbxsim.clock.Cancellable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One Dial in progress: the outgoing leg (a Local pair or an endpoint), its caller id as app_dial sets it, the
 * DialBegin/DialState/DialEnd events, the bridge once answered, and the DIAL* variables when it ends. Confined
 * to the clock thread.
 */
final class DialAttempt implements DialTracker {

    private final CallCore core;
    private final AppRun run;
    private final Channel caller;
    private final String technology;
    private final String resource;
    private final Duration timeout;
    private final Instant started;
    private Channel leg;
    private Instant answeredAt;
    private Cancellable timer = Cancellable.NONE;

    DialAttempt(CallCore core, AppRun run, String technology, String resource, Duration timeout) {
        this.core = core;
        this.run = run;
        this.caller = run.channel;
        this.technology = technology;
        this.resource = resource;
        this.timeout = timeout;
        this.started = core.clock.now();
    }

    AppOutcome start() {
        boolean local = "Local".equalsIgnoreCase(technology);
        leg = local ? core.locals.create(resource, caller.linkedid)
                : core.endpoints.createLeg(technology, resource, caller.linkedid);
        if (leg == null) {
            core.setVariable(caller, "DIALSTATUS", "CHANUNAVAIL");
            return AppOutcome.NEXT;
        }
        core.setVariable(leg, "DIALEDPEERNUMBER", resource);
        inheritVariables();
        // app_dial: a leg without a caller number of its own shows the caller's extension, and the caller's
        // connected name; its connected line is the caller.
        if (leg.caller.number().isEmpty()) {
            leg.caller = new Party(caller.exten, caller.connected.name());
        }
        leg.connected = caller.caller;
        core.newExten(leg, leg.context, leg.exten, leg.priority, "AppDial", "(Outgoing Line)");
        core.events.newCallerid(leg);
        core.events.newConnectedLine(leg);
        if (local && !core.locals.call(leg)) {
            core.setVariable(caller, "DIALSTATUS", "CHANUNAVAIL");
            return AppOutcome.NEXT;
        }
        leg.dialTracker = this;
        core.events.dial("DialBegin", caller, leg, "DialString", resource);
        run.onInterrupt(this::callerInterrupted);
        if (timeout != null) {
            timer = core.clock.schedule(timeout, this::timedOut);
        }
        if (local) {
            core.locals.start(leg);
        } else {
            core.endpoints.ring(leg, resource);
        }
        return AppOutcome.WAIT;
    }

    @Override
    public void ringing() {
        core.events.dial("DialState", caller, leg, "DialStatus", "RINGING");
    }

    @Override
    public void answered() {
        timer.cancel();
        leg.dialTracker = null;
        answeredAt = core.clock.now();
        core.setVariable(caller, "DIALSTATUS", "ANSWER");
        core.setVariable(caller, "DIALEDPEERNAME", leg.name);
        core.setVariable(caller, "DIALEDPEERNUMBER", resource);
        // app_dial clears the answered leg's extension before it reports the answer.
        leg.exten = "";
        core.events.dial("DialEnd", caller, leg, "DialStatus", "ANSWER");
        Bridge bridge = core.bridges.create();
        core.newExten(leg, leg.context, "", leg.priority, "AppDial", "(Outgoing Line)");
        core.bridges.enter(bridge, leg, null);
        core.bridges.enter(bridge, caller, this::bridgeEnded);
        core.bridges.announcePeers(bridge);
    }

    @Override
    public void busy() {
        ended("BUSY", HangupCause.USER_BUSY);
    }

    @Override
    public void congestion() {
        ended("CONGESTION", HangupCause.CONGESTION);
    }

    @Override
    public void failed(int cause) {
        timer.cancel();
        String status = switch (cause) {
            case HangupCause.USER_BUSY -> "BUSY";
            case HangupCause.CONGESTION, 38, 41, 42, 44 -> "CONGESTION";
            case HangupCause.NO_ANSWER, 18 -> "NOANSWER";
            default -> "CHANUNAVAIL";
        };
        core.events.dial("DialEnd", caller, leg, "DialStatus", status);
        setTimes(List.of("DIALEDTIME"));
        core.setVariable(caller, "DIALSTATUS", status);
        run.resume();
    }

    private void inheritVariables() {
        for (Channel.Variable variable : List.copyOf(caller.variables.values())) {
            String name = variable.rawName();
            if (name.startsWith("__")) {
                core.setVariable(leg, name, variable.value());
            } else if (name.startsWith("_")) {
                core.setVariable(leg, name.substring(1), variable.value());
            }
        }
    }

    private void timedOut() {
        if (leg.dialTracker == this) {
            ended("NOANSWER", HangupCause.NORMAL_CLEARING);
        }
    }

    private void ended(String status, int legCause) {
        timer.cancel();
        leg.dialTracker = null;
        core.events.dial("DialEnd", caller, leg, "DialStatus", status);
        core.hangups.hangupNow(leg, leg.localPeer != null ? HangupCause.NOT_DEFINED : legCause);
        setTimes(List.of("DIALEDTIME"));
        core.setVariable(caller, "DIALSTATUS", status);
        run.resume();
    }

    /** The bridge ended because the leg left it: Dial returns and the dialplan continues. */
    private void bridgeEnded() {
        // app_dial hands the leg's hang-up cause to the caller.
        if (caller.hangupCause == null && leg.finalCause > 0) {
            caller.hangupCause = leg.finalCause;
        }
        setTimes(List.of("ANSWEREDTIME", "DIALEDTIME"));
        core.setVariable(caller, "DIALSTATUS", "ANSWER");
        run.resume();
    }

    /** The caller was redirected or hung up while dialing or bridged. */
    private void callerInterrupted() {
        timer.cancel();
        if (caller.bridge != null) {
            core.bridges.breakUp(caller).finish();
            setTimes(List.of("ANSWEREDTIME", "DIALEDTIME"));
            core.setVariable(caller, "DIALSTATUS", "ANSWER");
        } else if (leg.alive() && leg.dialTracker == this) {
            leg.dialTracker = null;
            core.events.dial("DialEnd", caller, leg, "DialStatus", "CANCEL");
            core.hangups.hangupNow(leg, HangupCause.NORMAL_CLEARING);
            setTimes(List.of("DIALEDTIME"));
            core.setVariable(caller, "DIALSTATUS", "CANCEL");
        }
    }

    private void setTimes(List<String> names) {
        Instant now = core.clock.now();
        for (String name : names) {
            Instant from = "ANSWEREDTIME".equals(name) ? answeredAt : started;
            long millis = from == null ? 0 : Duration.between(from, now).toMillis();
            core.setVariable(caller, name, String.valueOf(millis / 1000));
            core.setVariable(caller, name + "_MS", String.valueOf(millis));
        }
    }
}
