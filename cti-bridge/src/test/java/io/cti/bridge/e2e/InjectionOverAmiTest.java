package io.cti.bridge.e2e;

import io.cti.bridge.BridgeException;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.Command;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.OriginateToCustomer;
import io.cti.core.messages.SetVariable;
import io.cti.core.messages.Spy;
import io.cti.core.messages.SpyMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A command carrying CR or LF in any field is refused, and pbx-sim's socket receives nothing of it: asterisk-java
 * writes values unescaped, so a line break would otherwise start a second, injected action.
 */
class InjectionOverAmiTest {

    private static final String INJECTED = "x\r\n\r\nAction: UserEvent\r\nUserEvent: Injected";
    private static final Pattern ACTION = Pattern.compile("(?im)^action: *(\\S+)");

    private SimulatedPbx pbx;
    private CallId callId;

    @BeforeEach
    void start() {
        pbx = SimulatedPbx.started();
        pbx.agentAnswering("PJSIP/2001");
        callId = CallId.of(pbx.inboundCall(SimulatedPbx.CUSTOMER).linkedid());
        await().atMost(Duration.ofSeconds(10)).until(() -> !pbx.published(CallArrived.class).isEmpty());
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void commandsWithALineBreakInAnyFieldAreRefusedAndNothingReachesPbxSim() {
        List<Function<String, Command>> commands = List.of(
                bad -> OriginateToCustomer.now("trunk", "+4930123456", bad, Duration.ofSeconds(20), Map.of(), true),
                bad -> OriginateToCustomer.now("trunk", "+4930123456", "+4930999000", Duration.ofSeconds(20),
                        Map.of("CUSTOMER_NAME", bad), true),
                bad -> OriginateToCustomer.now("trunk", "+4930123456", "+4930999000", Duration.ofSeconds(20),
                        Map.of(bad, "1"), true),
                bad -> OriginateToCustomer.now(bad, "+4930123456", "+4930999000", Duration.ofSeconds(20), Map.of(),
                        true),
                bad -> OriginateToCustomer.now("trunk", bad, "+4930999000", Duration.ofSeconds(20), Map.of(), true),
                bad -> ConnectToAgent.now(callId, AgentId.of("agent-1"), bad, Duration.ofSeconds(10)),
                bad -> SetVariable.now(callId, "CTI_NOTE", bad),
                bad -> SetVariable.now(callId, bad, "1"),
                bad -> BlindTransfer.now(callId, bad, "300"),
                bad -> BlindTransfer.now(callId, "sales", bad),
                bad -> Spy.now(callId, bad, SpyMode.LISTEN),
                bad -> CallBackCustomer.now(CallId.of("cb-9-1"), AgentId.of("agent-1"), bad, "+4930123456", "",
                        QueueName.of("support"), Duration.ofSeconds(10), Duration.ofSeconds(30)),
                bad -> CallBackCustomer.now(CallId.of("cb-9-1"), AgentId.of("agent-1"), "2001", bad, "",
                        QueueName.of("support"), Duration.ofSeconds(10), Duration.ofSeconds(30)),
                bad -> CallBackCustomer.now(CallId.of("cb-9-1"), AgentId.of("agent-1"), "2001", "+4930123456", bad,
                        QueueName.of("support"), Duration.ofSeconds(10), Duration.ofSeconds(30)));
        int before = pbx.receivedByPbx().length();

        for (Function<String, Command> command : commands) {
            for (String lineBreak : List.of("\r\n", "\n", "\r")) {
                String bad = INJECTED.replace("\r\n", lineBreak);
                assertThatThrownBy(() -> pbx.bridge.callControl().execute(command.apply(bad)))
                        .isInstanceOfAny(BridgeException.class, IllegalArgumentException.class);
            }
        }
        // Something harmless that does reach pbx-sim, so the refused ones had every chance to arrive first.
        pbx.bridge.callControl().execute(SetVariable.now(callId, "CTI_NOTE", "after")).join();

        String sent = pbx.receivedByPbx().substring(before);
        assertThat(sent).doesNotContainIgnoringCase("Injected");
        assertThat(actions(sent)).contains("SetVar").isSubsetOf("Ping", "SetVar");
        assertThat(sent).containsOnlyOnce("value: after");
        assertThat(pbx.raised).noneMatch(event -> "Injected".equals(event.get("UserEvent")));
    }

    private static List<String> actions(String sent) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ACTION.matcher(sent);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
