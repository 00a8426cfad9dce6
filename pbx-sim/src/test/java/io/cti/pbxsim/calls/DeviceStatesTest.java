package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** DeviceStateChange for registered endpoints (agent phones): reported when their state really changes. */
class DeviceStatesTest {

    private static final String DIALPLAN = """
            [in]
            exten => 100,1,Answer()
             same => n,Dial(PJSIP/2001,20)
             same => n,Hangup()
            """;

    @Test
    void aRegisteredPhoneIsNotInUse() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::ringing);
            sim.run(Duration.ofSeconds(1));

            assertThat(states(sim, "PJSIP/2001")).containsExactly("NOT_INUSE");
        }
    }

    @Test
    void aPhoneThatRingsAnswersAndHangsUpGoesThroughEachStateOnce() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            AtomicReference<EndpointCall> phone = new AtomicReference<>();
            sim.pbx.registerEndpoint("PJSIP/2001", call -> {
                phone.set(call);
                call.ringing();
                sim.clock.schedule(Duration.ofSeconds(3), call::answer);
            });
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "in", "100")).join();
            sim.run(Duration.ofSeconds(10));
            phone.get().hangup(16);
            sim.run(Duration.ofSeconds(1));

            assertThat(states(sim, "PJSIP/2001")).containsExactly("NOT_INUSE", "RINGING", "INUSE", "NOT_INUSE");
        }
    }

    @Test
    void anUnregisteredPhoneIsUnavailableAndCannotBeDialed() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            sim.pbx.registerEndpoint("PJSIP/2001", EndpointCall::answer);
            sim.pbx.unregisterEndpoint("PJSIP/2001");
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "in", "100")).join();
            sim.run(Duration.ofSeconds(2));

            assertThat(states(sim, "PJSIP/2001")).containsExactly("NOT_INUSE", "UNAVAILABLE");
            assertThat(sim.first(EventLog.named("VarSet", "Variable", "DIALSTATUS")
                    .and(event -> !event.get("Value").isEmpty())).get("Value")).isEqualTo("CHANUNAVAIL");
        }
    }

    @Test
    void aDeviceNeverRegisteredIsInvalidOnEveryChange() {
        try (VirtualPbx sim = new VirtualPbx(DIALPLAN)) {
            ChannelSnapshot caller = sim.pbx.inboundCall(
                    InboundCall.of("PJSIP", "trunk", Party.UNKNOWN, "in", "100")).join();
            sim.run(Duration.ofSeconds(2));

            assertThat(caller.name()).startsWith("PJSIP/trunk");
            assertThat(states(sim, "PJSIP/trunk")).isNotEmpty().containsOnly("INVALID");
        }
    }

    private static List<String> states(VirtualPbx sim, String device) {
        return sim.all(EventLog.named("DeviceStateChange", "Device", device)).stream()
                .map(event -> event.get("State")).toList();
    }
}
