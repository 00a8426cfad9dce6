package io.cti.pbxsim.calls;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One live channel of the simulated PBX. Mutable and confined to the clock thread: only the call model touches
 * it, and the outside world sees {@link ChannelSnapshot}s.
 */
final class Channel {

    /** A variable as it was set: its name with any inheritance underscores, and its value. */
    record Variable(String rawName, String value) {
    }

    /** What drives the channel, which decides how it reacts to a hang-up request. */
    enum Role {
        /** Created, not yet running anything (an outgoing leg before answer, or a leg in a bridge). */
        LEG,
        /** Running dialplan (a Local ;2, an inbound call, a redirected channel). */
        PBX,
        /** Running one application outside the dialplan (an originated channel with Application/Data). */
        APP
    }

    final String name;
    final String technology;
    final String device;
    final String uniqueid;
    final Instant created;
    String linkedid;
    ChannelState state = ChannelState.DOWN;
    Party caller = Party.UNKNOWN;
    Party connected = Party.UNKNOWN;
    String language = "en";
    String accountCode = "";
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String applicationData = "";
    final Map<String, Variable> variables = new LinkedHashMap<>();

    Role role = Role.LEG;
    /** The other half of a Local channel pair, or null. */
    Channel localPeer;
    /** True for the ;1 half of a Local pair (the one the caller dials). */
    boolean localOne;
    boolean localOptimization = true;
    /** Who is waiting for this outgoing channel to answer (an Originate or a Dial), or null. */
    DialTracker dialTracker;
    /** The dialplan or application this channel runs, or null. */
    Execution execution;
    Bridge bridge;
    /** Set by applications such as Busy() that decide the cause the channel will hang up with. */
    Integer hangupCause;
    /** Set when a hang-up was requested while the channel was busy elsewhere (e.g. a list Hangup). */
    boolean softHangupPending;
    /** The cause the channel hung up with, once gone. */
    int finalCause;
    boolean gone;
    /** What the far end sounds like once answered (for AMD); null: nothing is heard. */
    AnswerAudio audio;
    /** When the channel went up, or null. */
    Instant answeredAt;
    /** True while the channel runs ChanSpy (Asterisk's AST_FLAG_SPYING: nobody may spy on a spy). */
    boolean spying;
    /** Digits the far end has keyed that no application has read yet. */
    final Deque<Character> pendingDtmf = new ArrayDeque<>();
    /** Told when a digit arrives while an application waits for one, or null. */
    Consumer<Character> dtmfReader;
    final List<ChannelWatcher> watchers = new ArrayList<>();

    Channel(String name, String technology, String device, String uniqueid, Instant created) {
        this.name = name;
        this.technology = technology;
        this.device = device;
        this.uniqueid = uniqueid;
        this.linkedid = uniqueid;
        this.created = created;
    }

    boolean alive() {
        return !gone;
    }

    String variable(String name) {
        Variable variable = variables.get(stripUnderscores(name));
        return variable == null ? null : variable.value();
    }

    void putVariable(String rawName, String value) {
        variables.put(stripUnderscores(rawName), new Variable(rawName, value));
    }

    static String stripUnderscores(String name) {
        int start = 0;
        while (start < name.length() && start < 2 && name.charAt(start) == '_') {
            start++;
        }
        return name.substring(start);
    }

    ChannelSnapshot snapshot() {
        Map<String, String> vars = new LinkedHashMap<>();
        variables.forEach((key, variable) -> vars.put(key, variable.value()));
        return new ChannelSnapshot(name, technology, uniqueid, linkedid, state, caller, connected, language,
                accountCode, context, exten, priority, application, applicationData, created,
                bridge == null ? "" : bridge.id, vars);
    }

    @Override
    public String toString() {
        return name;
    }
}
