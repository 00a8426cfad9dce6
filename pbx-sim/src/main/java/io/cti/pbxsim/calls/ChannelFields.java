package io.cti.pbxsim.calls;

import io.cti.pbxsim.calls.ManagerEvent.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * The fourteen fields every channel event and channel list item starts with, in Asterisk 20's order
 * ({@code Channel}, {@code ChannelState}, ... {@code Linkedid}), optionally prefixed ({@code Dest},
 * {@code LocalOne}). Stateless.
 */
public final class ChannelFields {

    private ChannelFields() {
    }

    /** The fields of a channel snapshot, each name prefixed with {@code prefix}. */
    public static List<Field> of(ChannelSnapshot channel, String prefix) {
        return build(prefix, channel.name(), channel.state(), channel.caller(), channel.connected(),
                channel.language(), channel.accountCode(), channel.context(), channel.exten(), channel.priority(),
                channel.uniqueid(), channel.linkedid());
    }

    static List<Field> of(Channel channel, String prefix) {
        return build(prefix, channel.name, channel.state, channel.caller, channel.connected, channel.language,
                channel.accountCode, channel.context, channel.exten, channel.priority, channel.uniqueid,
                channel.linkedid);
    }

    private static List<Field> build(String prefix, String name, ChannelState state, Party caller, Party connected,
                                     String language, String accountCode, String context, String exten,
                                     int priority, String uniqueid, String linkedid) {
        List<Field> fields = new ArrayList<>(14);
        fields.add(new Field(prefix + "Channel", name));
        fields.add(new Field(prefix + "ChannelState", String.valueOf(state.code())));
        fields.add(new Field(prefix + "ChannelStateDesc", state.description()));
        fields.add(new Field(prefix + "CallerIDNum", caller.numberOrUnknown()));
        fields.add(new Field(prefix + "CallerIDName", caller.nameOrUnknown()));
        fields.add(new Field(prefix + "ConnectedLineNum", connected.numberOrUnknown()));
        fields.add(new Field(prefix + "ConnectedLineName", connected.nameOrUnknown()));
        fields.add(new Field(prefix + "Language", language));
        fields.add(new Field(prefix + "AccountCode", accountCode));
        fields.add(new Field(prefix + "Context", context));
        fields.add(new Field(prefix + "Exten", exten));
        fields.add(new Field(prefix + "Priority", String.valueOf(priority)));
        fields.add(new Field(prefix + "Uniqueid", uniqueid));
        fields.add(new Field(prefix + "Linkedid", linkedid));
        return fields;
    }
}
