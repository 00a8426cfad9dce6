package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's dialplan, config/asterisk/extensions_cti.conf, run by the simulator: inbound holding with DNIS and
 * IVR tagging, agent connect with RONA, outbound with AMD and the 2-second rule, spying.
 */
class PlatformDialplanTest {

    static final Path CONFIG_FILE = Path.of("../config/asterisk/extensions_cti.conf");
    private static final Party CUSTOMER = new Party("+4930123456", "");

    @Test
    void theConfigFileParsesWithEveryPlatformContext() {
        assertThat(Dialplan.load(CONFIG_FILE).contexts()).containsExactly("cti-inbound", "cti-dnis", "cti-ivr",
                "cti-callback-asked", "cti-callback-confirmed", "cti-callback-refused", "cti-hold",
                "cti-agent-connect", "cti-callback", "cti-outbound", "cti-spy", "cti-held");
    }

    @Test
    void theBundledPlatformDialplanIsTheConfigFile() throws IOException {
        try (InputStream bundled = Dialplan.class.getResourceAsStream("extensions_cti.conf")) {
            assertThat(bundled).isNotNull();
            assertThat(new String(bundled.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(CONFIG_FILE, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anInboundCallToAQueueNumberRaisesTheRecordedStyleEventsUpToAcdEnter() {
        try (VirtualPbx sim = platform()) {
            ChannelSnapshot caller = sim.pbx.inboundCall(inbound("5550100")).join();
            sim.run(Duration.ofSeconds(5));

            List<String> flow = sim.events.all().stream()
                    .filter(event -> List.of("Newchannel", "VarSet", "UserEvent", "MusicOnHoldStart")
                            .contains(event.name()))
                    .map(event -> event.name() + (event.get("Variable") != null ? " " + event.get("Variable") : ""))
                    .toList();
            assertThat(flow).containsExactly("Newchannel", "VarSet CTI_DNIS", "VarSet __ACD_CALLID",
                    "VarSet ACD_SKILL", "UserEvent", "MusicOnHoldStart");
            ManagerEvent enter = sim.first(named("UserEvent", "UserEvent", "AcdEnter"));
            assertThat(enter.eventClass()).isEqualTo("user");
            assertThat(enter.fields().subList(14, 19)).extracting(ManagerEvent.Field::name)
                    .containsExactly("UserEvent", "Skill", "CallId", "Dnis", "Ivr");
            assertThat(enter.get("Ivr")).as("no IVR on a queue's own number").isEmpty();
            assertThat(enter.get("Skill")).isEqualTo("support");
            assertThat(enter.get("CallId")).isEqualTo(caller.uniqueid());
            assertThat(enter.get("Dnis")).isEqualTo("5550100");
            assertThat(enter.get("CallerIDNum")).isEqualTo("+4930123456");
        }
    }

    @Test
    void aCallerKeyingTwoInTheIvrWaitsInSales() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.inboundCall(inbound("5550000").withDtmf("2")).join();
            sim.run(Duration.ofSeconds(10));

            ManagerEvent enter = sim.first(named("UserEvent", "UserEvent", "AcdEnter"));
            assertThat(enter.get("Skill")).isEqualTo("sales");
            assertThat(enter.get("Ivr")).isEqualTo("2 sales");
            assertThat(sim.events.names()).contains("DTMFBegin", "DTMFEnd");
            assertThat(sim.first(named("VarSet", "Variable", "READSTATUS")).get("Value")).isEqualTo("OK");
        }
    }

    @Test
    void aCallerKeyingNothingInTheIvrWaitsInSupport() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.inboundCall(inbound("5550000")).join();
            sim.run(Duration.ofSeconds(10));

            assertThat(sim.first(named("VarSet", "Variable", "READSTATUS")).get("Value")).isEqualTo("TIMEOUT");
            ManagerEvent enter = sim.first(named("UserEvent", "UserEvent", "AcdEnter"));
            assertThat(enter.get("Skill")).isEqualTo("support");
            assertThat(enter.get("Ivr")).isEqualTo("no choice - support");
        }
    }

    @Test
    void aCallerKeyingADigitTheMenuDoesNotOfferWaitsInSupportWithTheDigitNamed() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.inboundCall(inbound("5550000").withDtmf("7")).join();
            sim.run(Duration.ofSeconds(10));

            ManagerEvent enter = sim.first(named("UserEvent", "UserEvent", "AcdEnter"));
            assertThat(enter.get("Skill")).isEqualTo("support");
            assertThat(enter.get("Ivr")).isEqualTo("7 not offered - support");
        }
    }

    @Test
    void aCallerKeyingOneInTheIvrWaitsInSupportWithTheChoiceNamed() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.inboundCall(inbound("5550000").withDtmf("1")).join();
            sim.run(Duration.ofSeconds(10));

            assertThat(sim.first(named("UserEvent", "UserEvent", "AcdEnter")).get("Ivr")).isEqualTo("1 support");
        }
    }

    @Test
    void aCallerAskingForACallbackRaisesAcdCallbackAndOnThePlatformsConfirmationIsHungUp() {
        try (VirtualPbx sim = platform()) {
            ChannelSnapshot caller = sim.pbx.inboundCall(inbound("5550000").withDtmf("9")).join();
            sim.run(Duration.ofSeconds(8));

            ManagerEvent callback = sim.first(named("UserEvent", "UserEvent", "AcdCallback"));
            assertThat(callback.get("Number")).isEqualTo("+4930123456");
            assertThat(callback.get("CallId")).isEqualTo(caller.uniqueid());
            assertThat(callback.get("Skill")).isEqualTo("support");
            assertThat(callback.get("Ivr")).isEqualTo("9 callback");
            assertThat(sim.events.names()).as("waiting for the platform's answer").contains("MusicOnHoldStart")
                    .doesNotContain("Hangup");

            sim.pbx.redirect(caller.name(), "cti-callback-confirmed", "s", 1).join();
            sim.run(Duration.ofSeconds(10));

            assertThat(sim.first(named("Hangup")).get("Channel")).isEqualTo(caller.name());
            assertThat(sim.events.all()).noneMatch(named("UserEvent", "UserEvent", "AcdEnter"));
        }
    }

    @Test
    void aCallerWhoseCallbackThePlatformRefusesIsToldSoAndWaitsInTheQueue() {
        try (VirtualPbx sim = platform()) {
            ChannelSnapshot caller = sim.pbx.inboundCall(inbound("5550000").withDtmf("9")).join();
            sim.run(Duration.ofSeconds(8));

            sim.pbx.redirect(caller.name(), "cti-callback-refused", "s", 1).join();
            sim.run(Duration.ofSeconds(10));

            ManagerEvent enter = sim.first(named("UserEvent", "UserEvent", "AcdEnter"));
            assertThat(enter.get("CallId")).isEqualTo(caller.uniqueid());
            assertThat(enter.get("Skill")).isEqualTo("support");
            assertThat(enter.get("Ivr")).isEqualTo("9 callback not offered - support");
            assertThat(sim.events.all()).noneMatch(named("Hangup"));
        }
    }

    @Test
    void aCallerAskingForACallbackWhileThePlatformIsAwayWaitsInTheQueueAfterTenSeconds() {
        try (VirtualPbx sim = platform()) {
            ChannelSnapshot caller = sim.pbx.inboundCall(inbound("5550000").withDtmf("9")).join();
            sim.run(Duration.ofSeconds(30));

            ManagerEvent enter = sim.first(named("UserEvent", "UserEvent", "AcdEnter"));
            assertThat(enter.get("CallId")).isEqualTo(caller.uniqueid());
            assertThat(enter.get("Ivr")).isEqualTo("9 callback unanswered - support");
            assertThat(sim.events.all()).noneMatch(named("Hangup"));
        }
    }

    @Test
    void anAgentWhoAnswersIsBridgedWithTheWaitingCaller() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/2001", call -> sim.clock.schedule(Duration.ofSeconds(3), call::answer));
            ChannelSnapshot caller = sim.pbx.inboundCall(inbound("5550100")).join();
            sim.run(Duration.ofSeconds(5));
            sim.pbx.redirect(caller.name(), "cti-agent-connect", "2001", 1).join();
            sim.run(Duration.ofSeconds(5));

            assertThat(sim.first(named("UserEvent", "UserEvent", "AcdRoute")).get("Agent")).isEqualTo("2001");
            assertThat(sim.first(named("DialEnd")).get("DialStatus")).isEqualTo("ANSWER");
            assertThat(sim.first(named("BridgeEnter", "Channel", caller.name()))).isNotNull();
            assertThat(sim.all(named("UserEvent", "UserEvent", "AcdRona"))).isEmpty();
        }
    }

    @Test
    void anAgentWhoDoesNotAnswerInTimeSendsTheCallerBackToHoldWithAcdRona() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::ringing);
            ChannelSnapshot caller = sim.pbx.inboundCall(inbound("5550100")).join();
            sim.run(Duration.ofSeconds(5));
            sim.pbx.redirect(caller.name(), "cti-agent-connect", "2001", 1).join();
            sim.run(Duration.ofSeconds(20));

            ManagerEvent rona = sim.first(named("UserEvent", "UserEvent", "AcdRona"));
            assertThat(rona.get("DialStatus")).isEqualTo("NOANSWER");
            assertThat(rona.get("Skill")).isEqualTo("support");
            assertThat(rona.get("CallId")).isEqualTo(caller.uniqueid());
            assertThat(sim.all(named("MusicOnHoldStart", "Channel", caller.name()))).hasSize(2);
            assertThat(sim.all(named("UserEvent", "UserEvent", "AcdEnter"))).hasSize(1);
        }
    }

    @Test
    void aCallbackRingsTheAgentFirstAndDialsTheCustomerOnceTheAgentAnswers() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/2001", call -> {
                call.ringing();
                sim.clock.schedule(Duration.ofSeconds(2), call::answer);
            });
            sim.pbx.registerEndpoint("PJSIP/trunk", call -> {
                call.ringing();
                sim.clock.schedule(Duration.ofSeconds(3), call::answer);
            });
            java.util.concurrent.CompletableFuture<OriginateOutcome> originated = sim.pbx.originate(callback("cb-7-1"));
            sim.run(Duration.ofSeconds(10));
            OriginateOutcome agent = originated.join();

            assertThat(agent.uniqueid()).isEqualTo("cb-7-1");
            List<String> dialed = sim.all(named("DialBegin")).stream().map(event -> event.get("DestChannel")).toList();
            assertThat(dialed).hasSize(2);
            assertThat(dialed.get(0)).startsWith("PJSIP/2001-");
            assertThat(dialed.get(1)).startsWith("PJSIP/trunk-");
            ManagerEvent customerLeg = sim.first(named("DialBegin", "DestChannel", dialed.get(1)));
            assertThat(customerLeg.get("Channel")).isEqualTo(agent.channel());
            assertThat(customerLeg.get("DialString")).isEqualTo("+4930123456@trunk");
            assertThat(customerLeg.get("DestLinkedid")).isEqualTo("cb-7-1");
            assertThat(customerLeg.get("CallerIDNum")).isEqualTo("5550200");
            assertThat(sim.first(named("UserEvent", "UserEvent", "AcdCallbackDial")).get("Agent")).isEqualTo("alice");
            assertThat(sim.first(named("UserEvent", "UserEvent", "AcdCallbackDial")).get("CallId")).isEqualTo("cb-7-1");
            assertThat(sim.first(named("BridgeEnter", "Channel", dialed.get(1)))).isNotNull();
            assertThat(sim.all(named("UserEvent", "UserEvent", "AcdCallbackResult"))).isEmpty();
        }
    }

    @Test
    void aCallbackCustomerWhoIsBusyIsToldWithAcdCallbackResultAndTheAgentsCallEnds() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::answer);
            sim.pbx.registerEndpoint("PJSIP/trunk", EndpointCall::busy);
            OriginateOutcome agent = sim.pbx.originate(callback("cb-7-2")).join();
            sim.run(Duration.ofSeconds(10));

            ManagerEvent result = sim.first(named("UserEvent", "UserEvent", "AcdCallbackResult"));
            assertThat(result.get("DialStatus")).isEqualTo("BUSY");
            assertThat(result.get("CallId")).isEqualTo("cb-7-2");
            assertThat(sim.first(named("Hangup", "Channel", agent.channel()))).isNotNull();
        }
    }

    @Test
    void aChannelIdAlreadyInUseIsRefusedAsAsteriskDoes() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::answer);
            sim.pbx.registerEndpoint("PJSIP/2002", EndpointCall::answer);
            sim.pbx.registerEndpoint("PJSIP/trunk", EndpointCall::ringing);
            OriginateOutcome first = sim.pbx.originate(callback("cb-7-3")).join();
            OriginateOutcome second = sim.pbx.originate(OriginateRequest.toExtension("PJSIP/2002", "cti-callback", "s", 1)
                    .withChannelId("cb-7-3")).join();

            assertThat(first.answered()).isTrue();
            assertThat(second.answered()).isFalse();
        }
    }

    @Test
    void anAnsweringMachineIsDetectedAndHungUpWithoutReachingAnAgent() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/trunk", call -> call.answer(AnswerAudio.MACHINE));
            OriginateOutcome outcome = sim.pbx.originate(outbound()).join();
            sim.run(Duration.ofSeconds(10));

            ManagerEvent amd = sim.first(named("UserEvent", "UserEvent", "AmdResult"));
            assertThat(amd.get("Status")).isEqualTo("MACHINE");
            assertThat(amd.get("Cause")).isEqualTo("LONGGREETING-1500-1500");
            assertThat(amd.get("CallId")).isEqualTo("platform-call-7");
            assertThat(sim.all(named("UserEvent", "UserEvent", "OutboundLive"))).isEmpty();
            assertThat(sim.first(named("Hangup")).get("Channel")).isEqualTo(outcome.channel());
        }
    }

    @Test
    void aPersonNoAgentReachesWithinTwoSecondsIsAbandonedWithAMessage() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/trunk", EndpointCall::answer);
            sim.pbx.originate(outbound()).join();
            sim.run(Duration.ofSeconds(10));

            assertThat(sim.first(named("UserEvent", "UserEvent", "AmdResult")).get("Cause")).isEqualTo("HUMAN-800-800");
            List<String> order = sim.events.all().stream()
                    .filter(event -> event.name().equals("UserEvent") || "Playback".equals(event.get("Application"))
                            || event.name().equals("Hangup"))
                    .map(event -> event.get("UserEvent") != null ? event.get("UserEvent") : event.name())
                    .toList();
            assertThat(order).containsExactly("AmdResult", "OutboundLive", "OutboundAbandon", "Newexten", "Hangup");
        }
    }

    @Test
    void theAbandonComesTwoSecondsAfterTheLiveAnswerIsAnnounced() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/trunk", EndpointCall::answer);
            Instant[] at = new Instant[2];
            sim.pbx.subscribe(event -> {
                if ("OutboundLive".equals(event.get("UserEvent"))) {
                    at[0] = sim.clock.now();
                } else if ("OutboundAbandon".equals(event.get("UserEvent"))) {
                    at[1] = sim.clock.now();
                }
            });
            sim.pbx.originate(outbound()).join();
            sim.run(Duration.ofSeconds(10));

            assertThat(Duration.between(at[0], at[1])).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aPersonRedirectedToAnAgentWithinTwoSecondsIsConnectedAndNotAbandoned() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/trunk", EndpointCall::answer);
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::answer);
            sim.pbx.subscribe(event -> {
                if ("OutboundLive".equals(event.get("UserEvent"))) {
                    sim.pbx.redirect(event.get("Channel"), "cti-agent-connect", "2001", 1);
                }
            });
            sim.pbx.originate(outbound()).join();
            sim.run(Duration.ofSeconds(10));

            assertThat(sim.all(named("UserEvent", "UserEvent", "OutboundAbandon"))).isEmpty();
            assertThat(sim.first(named("DialEnd")).get("DialStatus")).isEqualTo("ANSWER");
        }
    }

    @Test
    void aSupervisorWhispersToAnAgentsCall() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::answer);
            sim.pbx.registerEndpoint("PJSIP/3001", EndpointCall::answer);
            ChannelSnapshot caller = sim.pbx.inboundCall(inbound("5550100")).join();
            sim.run(Duration.ofSeconds(2));
            sim.pbx.redirect(caller.name(), "cti-agent-connect", "2001", 1).join();
            sim.run(Duration.ofSeconds(2));
            String agent = sim.first(named("BridgeEnter").and(event -> event.get("Channel").startsWith("PJSIP/2001")))
                    .get("Channel");
            sim.pbx.originate(OriginateRequest.toExtension("PJSIP/3001", "cti-spy", "whisper", 1)
                    .withVariables(Map.of("CTI_SPY_TARGET", agent))).join();
            sim.run(Duration.ofSeconds(2));

            assertThat(sim.first(named("UserEvent", "UserEvent", "SpyStart")).get("Mode")).isEqualTo("whisper");
            assertThat(sim.first(named("ChanSpyStart")).get("SpyeeChannel")).isEqualTo(agent);
        }
    }

    @Test
    void aSpyCallWithoutATargetIsRefused() {
        try (VirtualPbx sim = platform()) {
            sim.pbx.registerEndpoint("PJSIP/3001", EndpointCall::answer);
            sim.pbx.originate(OriginateRequest.toExtension("PJSIP/3001", "cti-spy", "listen", 1)).join();
            sim.run(Duration.ofSeconds(2));

            assertThat(sim.events.names()).doesNotContain("ChanSpyStart").contains("Hangup");
        }
    }

    private static VirtualPbx platform() {
        return new VirtualPbx(Dialplan.load(CONFIG_FILE));
    }

    private static InboundCall inbound(String dialed) {
        return InboundCall.of("PJSIP", "trunk", CUSTOMER, "cti-inbound", dialed);
    }

    private static OriginateRequest callback(String callId) {
        return OriginateRequest.toExtension("PJSIP/2001", "cti-callback", "s", 1).withChannelId(callId)
                .withVariables(Map.of("CTI_CALLBACK_NUMBER", "+4930123456", "CTI_CALLBACK_TRUNK", "trunk",
                        "CTI_CALLBACK_CLI", "5550200", "CTI_DIAL_TIMEOUT", "20", "CTI_AGENT", "alice",
                        "ACD_SKILL", "sales"));
    }

    private static OriginateRequest outbound() {
        return OriginateRequest.toExtension("PJSIP/+4930123456@trunk", "cti-outbound", "s", 1)
                .withVariables(Map.of("ACD_CALLID", "platform-call-7"));
    }
}
