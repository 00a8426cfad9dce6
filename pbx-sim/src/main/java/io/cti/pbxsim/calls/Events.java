package io.cti.pbxsim.calls;

import io.cti.pbxsim.calls.ManagerEvent.Field;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds the manager events of the call model with Asterisk 20's field names and order, and hands them to the
 * listeners. Every event carries the channel as it is at the moment it is raised. Called on the clock thread;
 * listeners may be added from any thread.
 */
final class Events {

    static final String CALL = "call";
    static final String DIALPLAN = "dialplan";
    static final String USER = "user";
    static final String DTMF = "dtmf";

    private final List<PbxListener> listeners = new CopyOnWriteArrayList<>();
    private int publishing;

    void subscribe(PbxListener listener) {
        listeners.add(listener);
    }

    void unsubscribe(PbxListener listener) {
        listeners.remove(listener);
    }

    void publish(ManagerEvent event) {
        publishing++;
        try {
            for (PbxListener listener : listeners) {
                listener.onEvent(event);
            }
        } finally {
            publishing--;
        }
    }

    /** True while listeners are being told of an event (the call model is in the middle of a change). */
    boolean publishing() {
        return publishing > 0;
    }

    /** The standard channel fields ({@code Channel} ... {@code Linkedid}), each name prefixed. */
    static List<Field> channelFields(Channel channel, String prefix) {
        return ChannelFields.of(channel, prefix);
    }

    static List<Field> bridgeFields(Bridge bridge) {
        return List.of(
                new Field("BridgeUniqueid", bridge.id),
                new Field("BridgeType", "basic"),
                new Field("BridgeTechnology", "simple_bridge"),
                new Field("BridgeCreator", "<unknown>"),
                new Field("BridgeName", "<unknown>"),
                new Field("BridgeNumChannels", String.valueOf(bridge.members.size())),
                new Field("BridgeVideoSourceMode", "none"));
    }

    private ManagerEvent.Builder channelEvent(String name, String eventClass, Channel channel) {
        return new ManagerEvent.Builder(name, eventClass).addAll(channelFields(channel, ""));
    }

    void newchannel(Channel channel) {
        publish(channelEvent("Newchannel", CALL, channel).build());
    }

    void newstate(Channel channel) {
        publish(channelEvent("Newstate", CALL, channel).build());
    }

    void newexten(Channel channel) {
        publish(channelEvent("Newexten", DIALPLAN, channel)
                .add("Extension", channel.exten)
                .add("Application", channel.application)
                .add("AppData", channel.applicationData)
                .build());
    }

    void varSet(Channel channel, String rawName, String value) {
        publish(channelEvent("VarSet", DIALPLAN, channel).add("Variable", rawName).add("Value", value).build());
    }

    void newCallerid(Channel channel) {
        publish(channelEvent("NewCallerid", CALL, channel)
                .add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)")
                .build());
    }

    void newConnectedLine(Channel channel) {
        publish(channelEvent("NewConnectedLine", CALL, channel).build());
    }

    void localBridge(Channel one, Channel two) {
        publish(new ManagerEvent.Builder("LocalBridge", CALL)
                .addAll(channelFields(one, "LocalOne"))
                .addAll(channelFields(two, "LocalTwo"))
                .add("Context", two.context)
                .add("Exten", two.exten)
                .add("LocalOptimization", one.localOptimization ? "Yes" : "No")
                .build());
    }

    void dial(String name, Channel caller, Channel destination, String lastName, String lastValue) {
        ManagerEvent.Builder builder = new ManagerEvent.Builder(name, CALL);
        if (caller != null) {
            builder.addAll(channelFields(caller, ""));
        }
        publish(builder.addAll(channelFields(destination, "Dest")).add(lastName, lastValue).build());
    }

    void hangupRequest(Channel channel, Integer cause) {
        ManagerEvent.Builder builder = channelEvent("HangupRequest", CALL, channel);
        if (cause != null) {
            builder.add("Cause", cause);
        }
        publish(builder.build());
    }

    /**
     * SoftHangupRequest's {@code Cause} is Asterisk's soft hang-up flag, not a Q.850 cause: always 16
     * ({@code AST_SOFTHANGUP_EXPLICIT}) for the requests the simulator makes, whatever the channel's cause.
     */
    void softHangupRequest(Channel channel) {
        publish(channelEvent("SoftHangupRequest", CALL, channel).add("Cause", 16).build());
    }

    void hangup(Channel channel, int cause) {
        publish(channelEvent("Hangup", CALL, channel)
                .add("Cause", cause)
                .add("Cause-txt", HangupCause.text(cause))
                .build());
    }

    void userEvent(Channel channel, List<Field> body) {
        publish(channelEvent("UserEvent", USER, channel).addAll(body).build());
    }

    void musicOnHold(Channel channel, boolean start, String mohClass) {
        ManagerEvent.Builder builder = channelEvent(start ? "MusicOnHoldStart" : "MusicOnHoldStop", CALL, channel);
        if (start) {
            builder.add("Class", mohClass);
        }
        publish(builder.build());
    }

    void bridge(String name, Bridge bridge) {
        publish(new ManagerEvent.Builder(name, CALL).addAll(bridgeFields(bridge)).build());
    }

    void bridgeMember(String name, Bridge bridge, Channel channel) {
        publish(new ManagerEvent.Builder(name, CALL)
                .addAll(bridgeFields(bridge))
                .addAll(channelFields(channel, ""))
                .build());
    }

    /** ChanSpyStart/ChanSpyStop: the spy's fields prefixed Spyer, then (when given) the spied-on Spyee's. */
    void chanSpy(String name, Channel spyer, Channel spyee) {
        ManagerEvent.Builder builder = new ManagerEvent.Builder(name, CALL).addAll(channelFields(spyer, "Spyer"));
        if (spyee != null) {
            builder.addAll(channelFields(spyee, "Spyee"));
        }
        publish(builder.build());
    }

    /** Hold (with the music class the held party hears) or Unhold, raised on the channel whose phone asked. */
    void hold(Channel channel, boolean hold) {
        ManagerEvent.Builder builder = channelEvent(hold ? "Hold" : "Unhold", CALL, channel);
        if (hold) {
            builder.add("MusicClass", "default");
        }
        publish(builder.build());
    }

    /**
     * BlindTransfer as Asterisk 20 raises it for the AMI action: the transferer's channel, the bridge, the
     * transferee's channel, then where the transferee goes.
     */
    void blindTransfer(Channel transferer, Bridge bridge, Channel transferee, String context, String exten) {
        publish(new ManagerEvent.Builder("BlindTransfer", CALL)
                .add("Result", "Success")
                .addAll(channelFields(transferer, "Transferer"))
                .addAll(bridgeFields(bridge))
                .addAll(channelFields(transferee, "Transferee"))
                .add("IsExternal", "Yes")
                .add("Context", context)
                .add("Extension", exten)
                .build());
    }

    /** DTMFBegin/DTMFEnd for a digit received from the far end ({@code durationMs} only on DTMFEnd). */
    void dtmf(Channel channel, char digit, Integer durationMs) {
        ManagerEvent.Builder builder = new ManagerEvent.Builder(durationMs == null ? "DTMFBegin" : "DTMFEnd", DTMF)
                .addAll(channelFields(channel, ""))
                .add("Digit", String.valueOf(digit));
        if (durationMs != null) {
            builder.add("DurationMs", durationMs);
        }
        publish(builder.add("Direction", "Received").build());
    }

    void deviceStateChange(String device, String state) {
        publish(new ManagerEvent.Builder("DeviceStateChange", CALL).add("Device", device).add("State", state).build());
    }
}
