package io.cti.pbxsim.calls;

import org.junit.jupiter.api.Test;

import static io.cti.pbxsim.calls.EventLog.named;
import static org.assertj.core.api.Assertions.assertThat;

/** ${...} expansion in application arguments, seen through the Newexten events it produces. */
class SubstitutionTest {

    @Test
    void variablesBuiltinsFunctionsAndSubstringsExpand() {
        try (PbxFixture sim = new PbxFixture("""
                [t]
                exten => 42,1,Set(NAME=abcdef)
                 same => n,NoOp(${NAME:1:3}|${NAME:-2}|${LEN(${NAME})}|${EXTEN}|${CONTEXT}|${PRIORITY})
                 same => n,NoOp(${CALLERID(num)}|${CALLERID(all)}|${IF(${NAME}?yes:no)}|${MISSING}|end)
                 same => n,Wait(60)
                """)) {
            sim.pbx.inboundCall(InboundCall.of("PJSIP", "trunk", new Party("5551001", "Ann"), "t", "42")).join();

            assertThat(sim.events.await(named("Newexten", "Priority", "2")).get("AppData"))
                    .isEqualTo("bcd|ef|6|42|t|2");
            assertThat(sim.events.await(named("Newexten", "Priority", "3")).get("AppData"))
                    .isEqualTo("5551001|\"Ann\" <5551001>|yes||end");
        }
    }
}
