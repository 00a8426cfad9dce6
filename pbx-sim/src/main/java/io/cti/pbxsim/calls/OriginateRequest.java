package io.cti.pbxsim.calls;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the AMI Originate action asks for: dial {@code channel} (such as {@code Local/100@acd-inbound} or
 * {@code PJSIP/5551234@trunk}) and, once it answers, run either {@code application}({@code data}) or the
 * dialplan at {@code context}/{@code exten}/{@code priority}. Variables are set on the dialed channel in order.
 * {@code channelId} (AMI {@code ChannelId}, null for none) becomes the dialed channel's Uniqueid, and so the new
 * call's Linkedid, as Asterisk does; pbx-sim applies it to endpoint channels (not to Local pairs). Immutable.
 */
public record OriginateRequest(
        String channel,
        String application,
        String data,
        String context,
        String exten,
        int priority,
        Duration timeout,
        Party callerId,
        Map<String, String> variables,
        String account,
        String channelId) {

    /** Asterisk's default when the action gives no Timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public OriginateRequest {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        callerId = callerId == null ? Party.UNKNOWN : callerId;
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables == null ? Map.of() : variables));
        account = account == null ? "" : account;
        data = data == null ? "" : data;
        channelId = channelId == null || channelId.isBlank() ? null : channelId;
    }

    /** A request without an assigned channel id. */
    public OriginateRequest(String channel, String application, String data, String context, String exten,
                            int priority, Duration timeout, Party callerId, Map<String, String> variables,
                            String account) {
        this(channel, application, data, context, exten, priority, timeout, callerId, variables, account, null);
    }

    /** Dial {@code channel} and run {@code application(data)} on it once answered. */
    public static OriginateRequest toApplication(String channel, String application, String data) {
        return new OriginateRequest(channel, application, data, null, null, 1, null, null, null, null);
    }

    /** Dial {@code channel} and send it to {@code context,exten,priority} once answered. */
    public static OriginateRequest toExtension(String channel, String context, String exten, int priority) {
        return new OriginateRequest(channel, null, null, context, exten, priority, null, null, null, null);
    }

    public OriginateRequest withTimeout(Duration newTimeout) {
        return new OriginateRequest(channel, application, data, context, exten, priority, newTimeout, callerId,
                variables, account, channelId);
    }

    public OriginateRequest withCallerId(Party newCallerId) {
        return new OriginateRequest(channel, application, data, context, exten, priority, timeout, newCallerId,
                variables, account, channelId);
    }

    public OriginateRequest withVariables(Map<String, String> newVariables) {
        return new OriginateRequest(channel, application, data, context, exten, priority, timeout, callerId,
                newVariables, account, channelId);
    }

    public OriginateRequest withChannelId(String newChannelId) {
        return new OriginateRequest(channel, application, data, context, exten, priority, timeout, callerId,
                variables, account, newChannelId);
    }

    /** True when the answered channel runs an application rather than dialplan. */
    public boolean runsApplication() {
        return application != null && !application.isEmpty();
    }
}
