package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.Pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.cti.pbxsim.ami.ActionDispatcher.done;

/**
 * The Hangup action: one channel by name, or every channel matching {@code /regex/} with a ChannelHungup list.
 * A {@code Cause} sets the channel's hang-up cause; without one the channel keeps its own (usually none, 0).
 * Thread-safe (stateless).
 */
final class HangupAction {

    private final Pbx pbx;

    HangupAction(Pbx pbx) {
        this.pbx = pbx;
    }

    CompletableFuture<Reply> handle(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        if (name.isEmpty()) {
            return done(Reply.of(Responses.error(action, "No channel specified")));
        }
        int cause = 0;
        if (!action.get("Cause").isEmpty()) {
            try {
                cause = Integer.parseInt(action.get("Cause").trim());
            } catch (NumberFormatException e) {
                return done(Reply.of(Responses.error(action, "Invalid cause")));
            }
        }
        if (name.length() > 2 && name.startsWith("/") && name.endsWith("/")) {
            return hangupMatching(action, name.substring(1, name.length() - 1), cause);
        }
        return pbx.hangup(name, cause).handle((ok, error) -> Reply.of(error == null
                ? Responses.success(action, "Channel Hungup")
                : Responses.error(action, "No such channel")));
    }

    private CompletableFuture<Reply> hangupMatching(AmiMessage action, String regex, int cause) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return done(Reply.of(Responses.error(action, "Invalid regex")));
        }
        return pbx.hangupMatching(channel -> pattern.matcher(channel).find(), cause).thenApply(names -> {
            List<AmiMessage> messages = new ArrayList<>();
            messages.add(Responses.listStart(action, "Channels hung up will follow"));
            for (String channel : names) {
                messages.add(new AmiMessage.Builder()
                        .add("Event", "ChannelHungup")
                        .add("Channel", channel)
                        .addIfPresent("ActionID", action.get("ActionID"))
                        .build());
            }
            messages.add(Responses.listComplete(action, "ChannelsHungupListComplete", names.size()).build());
            return Reply.of(messages);
        });
    }
}
