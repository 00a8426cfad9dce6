package io.cti.pbxsim.ami;

import io.cti.pbxsim.PbxSimException;
import io.cti.pbxsim.calls.BridgeSnapshot;
import io.cti.pbxsim.calls.ChannelFields;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.cti.pbxsim.ami.ActionDispatcher.done;

/**
 * Actions on existing channels and bridges: CoreShowChannels, Status, Getvar, Setvar, Redirect (with ExtraChannel),
 * Bridge, BlindTransfer, BridgeList,
 * with the list framing and field placement of the recordings. Thread-safe (stateless).
 */
final class ChannelActions {

    private final Pbx pbx;

    ChannelActions(Pbx pbx) {
        this.pbx = pbx;
    }

    CompletableFuture<Reply> coreShowChannels(AmiSession session, AmiMessage action) {
        return pbx.channels().thenApply(channels -> {
            List<AmiMessage> messages = new ArrayList<>();
            messages.add(Responses.listStart(action, "Channels will follow"));
            for (ChannelSnapshot channel : channels) {
                AmiMessage.Builder item = new AmiMessage.Builder()
                        .add("Event", "CoreShowChannel")
                        .addIfPresent("ActionID", action.get("ActionID"));
                addFields(item, ChannelFields.of(channel, ""));
                messages.add(item.add("Application", channel.application())
                        .add("ApplicationData", channel.applicationData())
                        .add("Duration", duration(channel))
                        .add("BridgeId", channel.bridgeId())
                        .build());
            }
            messages.add(Responses.listComplete(action, "CoreShowChannelsComplete", channels.size()).build());
            return Reply.of(messages);
        });
    }

    CompletableFuture<Reply> status(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        CompletableFuture<List<ChannelSnapshot>> channels = name.isEmpty() ? pbx.channels()
                : pbx.channel(name).thenApply(found -> found.map(List::of).orElse(null));
        String[] variables = action.get("Variables").isEmpty() ? new String[0] : action.get("Variables").split(",");
        return channels.thenApply(list -> {
            if (list == null) {
                return Reply.of(Responses.error(action, "No such channel"));
            }
            List<AmiMessage> messages = new ArrayList<>();
            messages.add(Responses.listStart(action, "Channel status will follow"));
            for (ChannelSnapshot channel : list) {
                messages.add(statusItem(action, channel, variables));
            }
            messages.add(Responses.listComplete(action, "StatusComplete", list.size())
                    .add("Items", list.size()).build());
            return Reply.of(messages);
        });
    }

    CompletableFuture<Reply> getvar(AmiSession session, AmiMessage action) {
        String variable = action.get("Variable");
        if (variable.isEmpty()) {
            return done(Reply.of(Responses.error(action, "No variable specified")));
        }
        return pbx.getVariable(action.get("Channel"), variable).handle((value, error) -> error != null
                ? Reply.of(Responses.error(action, "No such channel"))
                : Reply.of(Responses.success(action).add("Variable", variable).add("Value", value).build()));
    }

    CompletableFuture<Reply> setvar(AmiSession session, AmiMessage action) {
        String variable = action.get("Variable");
        if (variable.isEmpty()) {
            return done(Reply.of(Responses.error(action, "No variable specified")));
        }
        return pbx.setVariable(action.get("Channel"), variable, action.get("Value")).handle((ok, error) ->
                Reply.of(error != null ? Responses.error(action, "No such channel")
                        : Responses.success(action, "Variable Set")));
    }

    CompletableFuture<Reply> redirect(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        if (name.isEmpty()) {
            return done(Reply.of(Responses.error(action, "Channel not specified")));
        }
        int priority;
        try {
            priority = action.get("Priority").isEmpty() ? 1 : Integer.parseInt(action.get("Priority").trim());
        } catch (NumberFormatException e) {
            return done(Reply.of(Responses.error(action, "Invalid priority")));
        }
        String extra = action.get("ExtraChannel");
        int extraPriority;
        try {
            extraPriority = action.get("ExtraPriority").isEmpty() ? 0
                    : Integer.parseInt(action.get("ExtraPriority").trim());
        } catch (NumberFormatException e) {
            return done(Reply.of(Responses.error(action, "Invalid ExtraPriority")));
        }
        CompletableFuture<Void> moved = extra.isEmpty()
                ? pbx.redirect(name, action.get("Context"), action.get("Exten"), priority)
                : pbx.redirect(name, action.get("Context"), action.get("Exten"), priority, extra,
                        action.get("ExtraContext"), action.get("ExtraExten"), extraPriority);
        return moved.handle((ok, error) -> {
            if (error == null) {
                return Reply.of(Responses.success(action, "Redirect successful"));
            }
            return Reply.of(Responses.error(action, isNoSuchChannel(error)
                    ? "Channel does not exist: " + name : "Redirect failed"));
        });
    }

    /** Bridge: two channels already in the PBX into a new bridge; answers as Asterisk 20's action_bridge does. */
    CompletableFuture<Reply> bridge(AmiSession session, AmiMessage action) {
        String first = action.get("Channel1");
        String second = action.get("Channel2");
        if (first.isEmpty() || second.isEmpty()) {
            return done(Reply.of(Responses.error(action, "Missing channel parameter in request")));
        }
        return pbx.bridge(first, second).handle((ok, error) -> {
            if (error == null) {
                return Reply.of(Responses.success(action, "Channels have been bridged"));
            }
            if (isNoSuchChannel(error)) {
                String message = error.getCause() != null ? error.getCause().getMessage() : error.getMessage();
                return Reply.of(Responses.error(action, message != null && message.contains("Channel2")
                        ? "Channel2 does not exist: " + second : "Channel1 does not exist: " + first));
            }
            return Reply.of(Responses.error(action, "Unable to add Channel2 to bridge: " + second));
        });
    }

    /** BlindTransfer: the party bridged to Channel goes to Exten@Context; answers as Asterisk 20 does. */
    CompletableFuture<Reply> blindTransfer(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        if (name.isEmpty()) {
            return done(Reply.of(Responses.error(action, "No channel specified")));
        }
        if (action.get("Exten").isEmpty()) {
            return done(Reply.of(Responses.error(action, "No extension specified")));
        }
        return pbx.blindTransfer(name, action.get("Context"), action.get("Exten")).handle((ok, error) -> {
            if (error == null) {
                return Reply.of(Responses.success(action, "Transfer succeeded"));
            }
            return Reply.of(Responses.error(action, isNoSuchChannel(error)
                    ? "No channel found" : "Transfer failed"));
        });
    }

    CompletableFuture<Reply> bridgeList(AmiSession session, AmiMessage action) {
        return pbx.bridges().thenApply(bridges -> {
            List<AmiMessage> messages = new ArrayList<>();
            messages.add(Responses.listStart(action, "Bridge listing will follow"));
            for (BridgeSnapshot bridge : bridges) {
                messages.add(new AmiMessage.Builder()
                        .add("Event", "BridgeListItem")
                        .addIfPresent("ActionID", action.get("ActionID"))
                        .add("BridgeUniqueid", bridge.id())
                        .add("BridgeType", "basic")
                        .add("BridgeTechnology", "simple_bridge")
                        .add("BridgeCreator", "<unknown>")
                        .add("BridgeName", "<unknown>")
                        .add("BridgeNumChannels", bridge.channels().size())
                        .add("BridgeVideoSourceMode", "none")
                        .build());
            }
            messages.add(Responses.listComplete(action, "BridgeListComplete", bridges.size()).build());
            return Reply.of(messages);
        });
    }

    static boolean isNoSuchChannel(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof PbxSimException e && "no-such-channel".equals(e.errorId());
    }

    private AmiMessage statusItem(AmiMessage action, ChannelSnapshot channel, String[] variables) {
        boolean local = "Local".equals(channel.technology());
        String format = local ? "slin" : "ulaw";
        AmiMessage.Builder item = new AmiMessage.Builder().add("Event", "Status").add("Privilege", "Call");
        addFields(item, ChannelFields.of(channel, ""));
        item.add("Type", channel.technology())
                .add("DNID", "")
                .add("EffectiveConnectedLineNum", channel.connected().numberOrUnknown())
                .add("EffectiveConnectedLineName", channel.connected().nameOrUnknown())
                .add("TimeToHangup", 0)
                .add("BridgeID", channel.bridgeId())
                .add("Application", channel.application())
                .add("Data", channel.applicationData())
                .add("Nativeformats", "(" + format + ")")
                .add("Readformat", format)
                .add("Readtrans", "")
                .add("Writeformat", format)
                .add("Writetrans", "")
                .add("Callgroup", 0)
                .add("Pickupgroup", 0)
                .add("Seconds", seconds(channel));
        for (String variable : variables) {
            String name = variable.trim();
            if (!name.isEmpty()) {
                item.add("Variable", name + "=" + channel.variables().getOrDefault(name, ""));
            }
        }
        return item.addIfPresent("ActionID", action.get("ActionID")).build();
    }

    private long seconds(ChannelSnapshot channel) {
        return Math.max(0, Duration.between(channel.created(), pbx.clock().now()).toSeconds());
    }

    private String duration(ChannelSnapshot channel) {
        long total = seconds(channel);
        return String.format("%02d:%02d:%02d", total / 3600, (total / 60) % 60, total % 60);
    }

    private static void addFields(AmiMessage.Builder builder, List<ManagerEvent.Field> fields) {
        for (ManagerEvent.Field field : fields) {
            builder.add(field.name(), field.value());
        }
    }
}
