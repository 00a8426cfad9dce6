package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HoldCaller;
import io.cti.core.messages.ResumeCaller;
import org.asteriskjava.manager.action.BridgeAction;
import io.cti.core.messages.OriginateToCustomer;
import io.cti.core.messages.RefreshCustomerFigures;
import io.cti.core.messages.SetVariable;
import io.cti.core.messages.Spy;
import io.cti.core.messages.SpyMode;
import io.cti.core.ids.CustomerId;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallControlTest {

    private static final CallId WAITING = CallId.of("1.1");
    private static final CallId TALKING = CallId.of("2.2");
    private static final String CALLER = "PJSIP/carrier-00000001";
    private static final String CALLER_2 = "PJSIP/carrier-00000003";
    private static final String AGENT = "PJSIP/2001-00000004";

    private final RecordingGateway gateway = new RecordingGateway();
    private final FixedCalls calls = new FixedCalls(Map.of(WAITING, CALLER, TALKING, CALLER_2), Map.of(TALKING, AGENT));
    private final CallControl control = new CallControl(gateway, calls, CallControlSettings.defaults(),
            Duration.ofMillis(300));

    @Test
    void originatesThroughTheTrunkIntoTheOutboundContextWithAmdAndTheCommandIdAsActionId() {
        OriginateToCustomer command = OriginateToCustomer.now("carrier", "+8613800138000", "\"ACME\" <+4930123456>",
                Duration.ofSeconds(25), Map.of("CTI_LIST", "spring-2026", "CUSTOMER_NAME", "王小明"), true);

        control.execute(command).join();

        OriginateAction originate = (OriginateAction) gateway.sent.get(0);
        assertThat(originate.getChannel()).isEqualTo("PJSIP/+8613800138000@carrier");
        assertThat(originate.getContext()).isEqualTo("cti-outbound");
        assertThat(originate.getExten()).isEqualTo("s");
        assertThat(originate.getPriority()).isEqualTo(1);
        assertThat(originate.getCallerId()).isEqualTo("\"ACME\" <+4930123456>");
        assertThat(originate.getTimeout()).isEqualTo(25_000L);
        assertThat(originate.getAsync()).isTrue();
        assertThat(originate.getVariables()).containsEntry("CTI_AMD", "1").containsEntry("CUSTOMER_NAME", "王小明");
        assertThat(originate.getActionId()).isEqualTo(command.id().toString());
    }

    @Test
    void connectsAWaitingCallerToTheAgentThroughTheAgentContext() {
        control.execute(ConnectToAgent.now(WAITING, AgentId.of("alice"), "2001", Duration.ofMillis(15_500))).join();

        assertThat(gateway.sent).hasSize(3);
        assertThat(((SetVarAction) gateway.sent.get(0)).getVariable()).isEqualTo("CTI_AGENT");
        assertThat(((SetVarAction) gateway.sent.get(0)).getValue()).isEqualTo("alice");
        assertThat(((SetVarAction) gateway.sent.get(1)).getValue()).isEqualTo("16");
        RedirectAction redirect = (RedirectAction) gateway.sent.get(2);
        assertThat(redirect.getChannel()).isEqualTo(CALLER);
        assertThat(redirect.getContext()).isEqualTo("cti-agent-connect");
        assertThat(redirect.getExten()).isEqualTo("2001");
    }

    @Test
    void callsACustomerBackByRingingTheAgentFirstUnderTheRoutersCallId() {
        CallBackCustomer command = CallBackCustomer.now(CallId.of("cb-17-2"), AgentId.of("alice"), "2001",
                "+4930123456", "5550100", QueueName.of("sales"), Duration.ofSeconds(20), Duration.ofMillis(29_500));

        control.execute(command).join();

        OriginateAction originate = (OriginateAction) gateway.sent.get(0);
        assertThat(originate.getChannel()).isEqualTo("PJSIP/2001");
        assertThat(originate.getChannelId()).isEqualTo("cb-17-2");
        assertThat(originate.getContext()).isEqualTo("cti-callback");
        assertThat(originate.getExten()).isEqualTo("s");
        assertThat(originate.getCallerId()).isEqualTo("\"Callback\" <+4930123456>");
        assertThat(originate.getTimeout()).isEqualTo(20_000L);
        assertThat(originate.getAsync()).isTrue();
        assertThat(originate.getActionId()).isEqualTo(command.id().toString());
        assertThat(originate.getVariables()).containsEntry("CTI_CALLBACK_NUMBER", "+4930123456")
                .containsEntry("CTI_CALLBACK_TRUNK", "trunk").containsEntry("CTI_CALLBACK_CLI", "5550100")
                .containsEntry("CTI_DIAL_TIMEOUT", "30").containsEntry("CTI_AGENT", "alice")
                .containsEntry("ACD_SKILL", "sales");
        assertThat(calls.callbacksPlaced).containsEntry(CallId.of("cb-17-2"), "PJSIP/2001");
    }

    @Test
    void refusesACallbackWhoseNumbersOrIdCouldChangeWhatIsDialedAndSendsNothing() {
        for (CallBackCustomer command : new CallBackCustomer[]{
                callBack("cb-1-1", "2001", "+4930123456&PJSIP/666@evil", ""),
                callBack("cb-1-1", "2001", "+4930123456", "555,1"),
                callBack("cb-1-1", "2001@evil", "+4930123456", ""),
                callBack("cb/1;1", "2001", "+4930123456", "")}) {
            assertThatThrownBy(() -> control.execute(command)).isInstanceOfSatisfying(BridgeException.class,
                    e -> assertThat(e.errorId()).isEqualTo("invalid-command"));
        }
        assertThat(gateway.sent).isEmpty();
        assertThat(calls.callbacksPlaced).isEmpty();
    }

    private static CallBackCustomer callBack(String callId, String extension, String number, String callerId) {
        return CallBackCustomer.now(CallId.of(callId), AgentId.of("alice"), extension, number, callerId,
                QueueName.of("sales"), Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    @Test
    void holdsACallerBySendingCallerAndAgentToTheHoldContextInOneRedirect() {
        control.execute(HoldCaller.now(TALKING)).join();

        RedirectAction redirect = (RedirectAction) gateway.sent.get(0);
        assertThat(gateway.sent).hasSize(1);
        assertThat(redirect.getChannel()).isEqualTo(CALLER_2);
        assertThat(redirect.getContext()).isEqualTo("cti-held");
        assertThat(redirect.getExten()).isEqualTo("caller");
        assertThat(redirect.getExtraChannel()).isEqualTo(AGENT);
        assertThat(redirect.getExtraContext()).isEqualTo("cti-held");
        assertThat(redirect.getExtraExten()).isEqualTo("agent");
        assertThat(calls.holds).containsEntry(TALKING, CALLER_2 + "+" + AGENT);
    }

    @Test
    void resumesAHeldCallerByBridgingCallerAndAgentAgain() {
        control.execute(ResumeCaller.now(TALKING)).join();

        BridgeAction bridge = (BridgeAction) gateway.sent.get(0);
        assertThat(bridge.getChannel1()).isEqualTo(CALLER_2);
        assertThat(bridge.getChannel2()).isEqualTo(AGENT);
    }

    @Test
    void refusesToHoldACallWithoutAnAgentOnTheLineAndSendsNothing() {
        assertThatThrownBy(() -> control.execute(HoldCaller.now(WAITING)))
                .isInstanceOf(BridgeException.class).hasMessageContaining("no agent on the line");
        assertThatThrownBy(() -> control.execute(ResumeCaller.now(CallId.of("9.9"))))
                .isInstanceOf(BridgeException.class).hasMessageContaining("9.9");
        assertThat(gateway.sent).isEmpty();
        assertThat(calls.holds).isEmpty();
    }

    @Test
    void hangsUpTheCallersChannelAndRecordsThatThePlatformDidIt() {
        control.execute(HangUp.now(WAITING)).join();

        assertThat(((HangupAction) gateway.sent.get(0)).getChannel()).isEqualTo(CALLER);
        assertThat(calls.hungUpByPlatform).containsExactly(WAITING);
    }

    @Test
    void blindTransferUsesTheAgentsLegOnceConnectedAndRedirectsBefore() {
        control.execute(BlindTransfer.now(TALKING, "sales", "300")).join();
        control.execute(BlindTransfer.now(WAITING, "sales", "300")).join();

        BlindTransferAction transfer = (BlindTransferAction) gateway.sent.get(0);
        assertThat(transfer.getChannel()).isEqualTo(AGENT);
        assertThat(transfer.getExten()).isEqualTo("300");
        assertThat(((RedirectAction) gateway.sent.get(1)).getChannel()).isEqualTo(CALLER);
    }

    @Test
    void spyRingsTheSupervisorIntoChanSpyOnTheAgentsLegInTheChosenMode() {
        control.execute(Spy.now(TALKING, "PJSIP/3001", SpyMode.LISTEN)).join();
        control.execute(Spy.now(TALKING, "PJSIP/3001", SpyMode.WHISPER)).join();
        control.execute(Spy.now(TALKING, "PJSIP/3001", SpyMode.BARGE)).join();

        assertThat(gateway.sent).extracting(action -> ((OriginateAction) action).getData())
                .containsExactly(AGENT + ",qE", AGENT + ",qEw", AGENT + ",qEB");
        assertThat(((OriginateAction) gateway.sent.get(0)).getApplication()).isEqualTo("ChanSpy");
        assertThat(((OriginateAction) gateway.sent.get(0)).getChannel()).isEqualTo("PJSIP/3001");
    }

    @Test
    void setsAVariableOnTheCallersChannel() {
        control.execute(SetVariable.now(WAITING, "CTI_NOTE", "VIP")).join();

        SetVarAction set = (SetVarAction) gateway.sent.get(0);
        assertThat(set.getChannel()).isEqualTo(CALLER);
        assertThat(set.getVariable()).isEqualTo("CTI_NOTE");
    }

    @Test
    void refusesAnInjectionInAnyFieldAndSendsNothing() {
        String evil = "Evil\r\n\r\nAction: UserEvent\r\nUserEvent: Injected";
        Map<String, String> evilVariable = new LinkedHashMap<>();
        evilVariable.put("NAME", evil);
        Map<String, String> evilName = new LinkedHashMap<>();
        evilName.put("NAME\nAction: Hangup", "x");

        for (Runnable command : new Runnable[]{
                () -> control.execute(OriginateToCustomer.now("carrier", "+4930123", evil, Duration.ofSeconds(20), Map.of(), false)),
                () -> control.execute(OriginateToCustomer.now(evil, "+4930123", "x", Duration.ofSeconds(20), Map.of(), false)),
                () -> control.execute(OriginateToCustomer.now("carrier", evil, "x", Duration.ofSeconds(20), Map.of(), false)),
                () -> control.execute(OriginateToCustomer.now("carrier", "+4930123", "x", Duration.ofSeconds(20), evilVariable, false)),
                () -> control.execute(OriginateToCustomer.now("carrier", "+4930123", "x", Duration.ofSeconds(20), evilName, false)),
                () -> control.execute(ConnectToAgent.now(WAITING, AgentId.of("alice"), evil, Duration.ofSeconds(15))),
                () -> control.execute(BlindTransfer.now(TALKING, evil, "300")),
                () -> control.execute(BlindTransfer.now(TALKING, "sales", evil)),
                () -> control.execute(Spy.now(TALKING, evil, SpyMode.LISTEN)),
                () -> control.execute(SetVariable.now(WAITING, evil, "x")),
                () -> control.execute(SetVariable.now(WAITING, "CTI_NOTE", evil)),
                () -> control.execute(SetVariable.now(WAITING, "CTI_NOTE", "a\u2028b")),
                () -> control.execute(SetVariable.now(WAITING, "CTI_NOTE", "a\u0000b")),
                () -> control.execute(callBack("cb-1-1", evil, "+4930123456", "")),
                () -> control.execute(callBack("cb-1-1", "2001", evil, "")),
                () -> control.execute(callBack("cb-1-1", "2001", "+4930123456", evil))}) {
            assertThatThrownBy(command::run).isInstanceOfSatisfying(BridgeException.class,
                    e -> assertThat(e.errorId()).isEqualTo("ami-unsafe-value"));
        }
        assertThat(gateway.sent).isEmpty();
        assertThat(calls.callbacksPlaced).isEmpty();
    }

    @Test
    void refusesDialStringTricksAndUnknownCallsAndSendsNothing() {
        assertThatThrownBy(() -> control.execute(OriginateToCustomer.now("carrier", "123&PJSIP/666@evil", "x",
                Duration.ofSeconds(20), Map.of(), false))).isInstanceOfSatisfying(BridgeException.class,
                e -> assertThat(e.errorId()).isEqualTo("invalid-command"));
        assertThatThrownBy(() -> control.execute(OriginateToCustomer.now("carrier", "+4930123", "x",
                Duration.ofHours(1), Map.of(), false))).hasMessageContaining("timeout");
        assertThatThrownBy(() -> control.execute(HangUp.now(CallId.of("9.9")))).isInstanceOfSatisfying(
                BridgeException.class, e -> assertThat(e.errorId()).isEqualTo("unknown-call"));
        assertThatThrownBy(() -> control.execute(RefreshCustomerFigures.now(CustomerId.of(1))))
                .isInstanceOfSatisfying(BridgeException.class, e -> assertThat(e.errorId()).isEqualTo("invalid-command"));
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void aSilentPbxFailsTheCommandWithinTheActionTimeout() {
        gateway.silent = true;

        CompletableFuture<Void> done = control.execute(HangUp.now(WAITING));

        // A generous margin over the action timeout: the point is that the command fails instead of hanging.
        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(BridgeException.class,
                        e -> assertThat(e.errorId()).isEqualTo("ami-action-timeout"));
    }
}
