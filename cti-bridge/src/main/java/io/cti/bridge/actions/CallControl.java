package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import io.cti.bridge.connection.AmiGateway;
import io.cti.bridge.events.CallDirectory;
import io.cti.bridge.events.TranslatorSettings;
import io.cti.core.ids.CallId;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.Command;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HoldCaller;
import io.cti.core.messages.ResumeCaller;
import io.cti.core.messages.OriginateToCustomer;
import io.cti.core.messages.SetVariable;
import io.cti.core.messages.Spy;
import io.cti.core.messages.SpyMode;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Executes the domain commands aimed at the PBX as AMI actions: originate to a customer, connect a waiting caller
 * to an agent, call a customer back (the agent's phone first), hang up, blind transfer, listen / whisper / barge,
 * set a variable. Every value is checked before
 * anything is sent, and every action of a command is checked before the first one is sent, so a refused command
 * sends nothing. Never blocks: the returned future completes within the action timeout. Thread-safe.
 */
public final class CallControl {

    /** Numbers arrive normalised to E.164; anything else (e.g. '&' or '/') could change what the dial string dials. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+*#-]{1,80}");
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9]{1,16}/[A-Za-z0-9_.@+*#-]{1,80}");
    /** A callback's call id becomes the PBX channel's Uniqueid: kept to what Asterisk and file names take. */
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Duration MAX_RING_TIMEOUT = Duration.ofMinutes(10);
    /** The variables the platform dialplan's [cti-callback] reads (config/asterisk/README.md). */
    static final String CALLBACK_NUMBER = "CTI_CALLBACK_NUMBER";
    static final String CALLBACK_TRUNK = "CTI_CALLBACK_TRUNK";
    static final String CALLBACK_CLI = "CTI_CALLBACK_CLI";
    static final String DIAL_TIMEOUT = "CTI_DIAL_TIMEOUT";
    private static final int NORMAL_CLEARING = 16;

    private final AmiGateway gateway;
    private final CallDirectory calls;
    private final CallControlSettings settings;
    private final Duration actionTimeout;

    public CallControl(AmiGateway gateway, CallDirectory calls, CallControlSettings settings, Duration actionTimeout) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.actionTimeout = Objects.requireNonNull(actionTimeout, "actionTimeout");
    }

    /**
     * Checks {@code command} and sends its actions, each with the command's id as ActionID (so an originate's
     * OriginateResult names this command).
     *
     * @return completes when the PBX accepted every action, or exceptionally with a {@link BridgeException}
     * @throws BridgeException at once, with nothing sent, when a value is unsafe ({@code ami-unsafe-value},
     *                         {@code ami-value-too-long}), the command is unusable ({@code invalid-command}) or names
     *                         an unknown call ({@code unknown-call})
     */
    public CompletableFuture<Void> execute(Command command) {
        List<ManagerAction> actions = plan(command);
        String ref = command.id().toString();
        for (ManagerAction action : actions) {
            action.setActionId(ref);
            AmiValueGuard.checkAction(action);
        }
        if (command instanceof HangUp hangUp) {
            calls.hangupRequestedByPlatform(hangUp.callId());
        }
        if (command instanceof CallBackCustomer callBack) {
            // Before sending: the callback's first events may arrive before the action's response.
            calls.callbackPlaced(callBack.callId(), agentDevice(callBack.extension()), ref);
        }
        if (command instanceof HoldCaller && actions.get(0) instanceof RedirectAction hold) {
            // Before sending: the hold's first events may arrive before the action's response.
            calls.holdPlaced(((HoldCaller) command).callId(), hold.getChannel(), hold.getExtraChannel());
        }
        // Sent back to back: Asterisk runs one session's actions in order, so a Setvar lands before its Redirect.
        CompletableFuture<?>[] sent = actions.stream().map(gateway::send).toArray(CompletableFuture[]::new);
        CompletableFuture<Void> all = CompletableFuture.allOf(sent);
        CompletableFuture<Void> result = new CompletableFuture<>();
        all.orTimeout(actionTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, error) -> {
            if (error == null) {
                result.complete(null);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            result.completeExceptionally(cause instanceof TimeoutException
                    ? BridgeException.actionTimeout(name(command), actionTimeout) : cause);
        });
        return result;
    }

    /**
     * Hangs up a channel the other party left alone in the hold context (see
     * {@link io.cti.bridge.events.DeskHolds}); never blocks. A failure is only logged: the channel's own timeout
     * in the dialplan ends it in the end.
     */
    public CompletableFuture<Void> hangUpStranded(String channel) {
        try {
            AmiValueGuard.checkValue("stranded channel", channel);
        } catch (BridgeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return gateway.send(new HangupAction(channel, NORMAL_CLEARING)).thenApply(response -> null);
    }

    private List<ManagerAction> plan(Command command) {
        if (command instanceof OriginateToCustomer originate) {
            return List.of(originate(originate));
        }
        if (command instanceof ConnectToAgent connect) {
            return connect(connect);
        }
        if (command instanceof CallBackCustomer callBack) {
            return List.of(callBack(callBack));
        }
        if (command instanceof HangUp hangUp) {
            return List.of(new HangupAction(customerChannel(hangUp.callId(), "HangUp"), NORMAL_CLEARING));
        }
        if (command instanceof BlindTransfer transfer) {
            return List.of(transfer(transfer));
        }
        if (command instanceof Spy spy) {
            return List.of(spy(spy));
        }
        if (command instanceof HoldCaller hold) {
            return List.of(DeskHoldActions.hold(calls, hold.callId()));
        }
        if (command instanceof ResumeCaller resume) {
            return List.of(DeskHoldActions.resume(calls, resume.callId()));
        }
        if (command instanceof SetVariable set) {
            AmiValueGuard.checkVariableName("SetVariable.name", set.name());
            AmiValueGuard.checkValue("SetVariable.value", set.value());
            return List.of(new SetVarAction(customerChannel(set.callId(), "SetVariable"), set.name(), set.value()));
        }
        throw BridgeException.invalidCommand(name(command), "type", "not a command the PBX bridge executes");
    }

    private OriginateAction originate(OriginateToCustomer command) {
        AmiValueGuard.checkValue("OriginateToCustomer.trunk", command.trunk());
        AmiValueGuard.checkValue("OriginateToCustomer.number", command.number());
        AmiValueGuard.checkValue("OriginateToCustomer.callerId", command.callerId());
        AmiValueGuard.checkVariables("OriginateToCustomer.variables", command.variables());
        require(NAME, "OriginateToCustomer", "trunk", command.trunk());
        require(NUMBER, "OriginateToCustomer", "number", command.number());
        if (command.timeout().compareTo(settings.maxOriginateTimeout()) > 0) {
            throw BridgeException.invalidCommand("OriginateToCustomer", "timeout",
                    command.timeout() + " exceeds the maximum of " + settings.maxOriginateTimeout());
        }
        OriginateAction action = new OriginateAction();
        action.setChannel(settings.dialString().replace("{trunk}", command.trunk()).replace("{number}", command.number()));
        action.setContext(settings.outboundContext());
        action.setExten(settings.outboundExten());
        action.setPriority(1);
        action.setCallerId(command.callerId());
        action.setTimeout(command.timeout().toMillis());
        action.setAsync(true);
        Map<String, String> variables = new LinkedHashMap<>(command.variables());
        variables.put(settings.amdVariable(), command.amd() ? "1" : "0");
        action.setVariables(variables);
        return action;
    }

    private List<ManagerAction> connect(ConnectToAgent command) {
        AmiValueGuard.checkValue("ConnectToAgent.extension", command.extension());
        require(NAME, "ConnectToAgent", "extension", command.extension());
        if (command.ringTimeout().compareTo(MAX_RING_TIMEOUT) > 0) {
            throw BridgeException.invalidCommand("ConnectToAgent", "ringTimeout",
                    command.ringTimeout() + " exceeds the maximum of " + MAX_RING_TIMEOUT);
        }
        String channel = customerChannel(command.callId(), "ConnectToAgent");
        long seconds = Math.max(1, (command.ringTimeout().toMillis() + 999) / 1000);
        return List.of(new SetVarAction(channel, settings.agentVariable(), command.agentId().value()),
                new SetVarAction(channel, settings.ringTimeoutVariable(), Long.toString(seconds)),
                new RedirectAction(channel, settings.agentContext(), command.extension(), 1));
    }

    /**
     * A callback: an Originate of the agent's phone whose channel id is the callback's call id (so every event of
     * it names the router's call), continuing in the callback context, which dials the customer once the agent
     * answered. The agent's phone shows the customer's number; not answered within the ring timeout, the Originate
     * fails (RONA).
     */
    private OriginateAction callBack(CallBackCustomer command) {
        String name = "CallBackCustomer";
        AmiValueGuard.checkValue(name + ".extension", command.extension());
        AmiValueGuard.checkValue(name + ".number", command.number());
        AmiValueGuard.checkValue(name + ".callerId", command.callerId());
        require(NAME, name, "extension", command.extension());
        require(NUMBER, name, "number", command.number());
        if (!command.callerId().isEmpty()) {
            require(NUMBER, name, "callerId", command.callerId());
        }
        require(CALL_ID, name, "callId", command.callId().value());
        require(NAME, name, "queue", command.queue().value());
        if (command.ringTimeout().compareTo(MAX_RING_TIMEOUT) > 0) {
            throw BridgeException.invalidCommand(name, "ringTimeout",
                    command.ringTimeout() + " exceeds the maximum of " + MAX_RING_TIMEOUT);
        }
        if (command.dialTimeout().compareTo(settings.maxOriginateTimeout()) > 0) {
            throw BridgeException.invalidCommand(name, "dialTimeout",
                    command.dialTimeout() + " exceeds the maximum of " + settings.maxOriginateTimeout());
        }
        OriginateAction action = new OriginateAction();
        action.setChannel(agentDevice(command.extension()));
        action.setChannelId(command.callId().value());
        action.setContext(settings.callbackContext());
        action.setExten("s");
        action.setPriority(1);
        action.setCallerId("\"Callback\" <" + command.number() + ">");
        action.setTimeout(command.ringTimeout().toMillis());
        action.setAsync(true);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(settings.agentVariable(), command.agentId().value());
        variables.put(TranslatorSettings.QUEUE_VARIABLE, command.queue().value());
        variables.put(CALLBACK_NUMBER, command.number());
        variables.put(CALLBACK_TRUNK, settings.callbackTrunk());
        variables.put(CALLBACK_CLI, command.callerId());
        variables.put(DIAL_TIMEOUT, Long.toString(Math.max(1, (command.dialTimeout().toMillis() + 999) / 1000)));
        action.setVariables(variables);
        return action;
    }

    private String agentDevice(String extension) {
        return settings.agentDialString().replace("{extension}", extension);
    }

    private ManagerAction transfer(BlindTransfer command) {
        AmiValueGuard.checkValue("BlindTransfer.context", command.context());
        AmiValueGuard.checkValue("BlindTransfer.extension", command.extension());
        require(NAME, "BlindTransfer", "context", command.context());
        require(NAME, "BlindTransfer", "extension", command.extension());
        // With an agent on the line, Asterisk's own transfer (the agent's side hands the caller on); before that,
        // moving the caller's channel is the same thing.
        return calls.agentChannel(command.callId())
                .<ManagerAction>map(agent -> new BlindTransferAction(agent, command.context(), command.extension()))
                .orElseGet(() -> new RedirectAction(customerChannel(command.callId(), "BlindTransfer"),
                        command.context(), command.extension(), 1));
    }

    private OriginateAction spy(Spy command) {
        AmiValueGuard.checkValue("Spy.supervisorEndpoint", command.supervisorEndpoint());
        require(ENDPOINT, "Spy", "supervisorEndpoint", command.supervisorEndpoint());
        String target = calls.agentChannel(command.callId())
                .orElseGet(() -> customerChannel(command.callId(), "Spy"));
        OriginateAction action = new OriginateAction();
        action.setChannel(command.supervisorEndpoint());
        action.setApplication("ChanSpy");
        // q: no beep announcing the spy; E: leave when the spied channel hangs up; w / B: whisper / barge.
        action.setData(target + "," + "qE" + (command.mode() == SpyMode.WHISPER ? "w"
                : command.mode() == SpyMode.BARGE ? "B" : ""));
        action.setCallerId("Supervisor");
        action.setTimeout(30_000L);
        action.setAsync(true);
        return action;
    }

    private String customerChannel(CallId callId, String command) {
        return calls.customerChannel(callId).orElseThrow(() -> BridgeException.unknownCall(callId.value(), command));
    }

    private static void require(Pattern pattern, String command, String field, String value) {
        if (!pattern.matcher(value).matches()) {
            throw BridgeException.invalidCommand(command, field, "not a valid " + field + " (allowed: "
                    + pattern.pattern() + ")");
        }
    }

    private static String name(Command command) {
        return command.getClass().getSimpleName();
    }
}
