package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmiValueGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\u0000", "\u2028", "\u2029", "\u0085", "\u0007", "\u001b", "\u007f",
            "\u200e", "\u202e", "\ufeff", "\t"})
    void refusesEveryLineBreakAndControlCharacterAnywhere(String bad) {
        for (String value : new String[]{bad, "Evil" + bad, bad + "Evil", "Ev" + bad + "il"}) {
            assertThatThrownBy(() -> AmiValueGuard.checkValue("OriginateToCustomer.callerId", value))
                    .isInstanceOf(BridgeException.class)
                    .satisfies(e -> assertThat(((BridgeException) e).errorId()).isEqualTo("ami-unsafe-value"))
                    .hasMessageContaining("OriginateToCustomer.callerId");
        }
    }

    @Test
    void theErrorNamesTheFieldButNeitherShowsTheValueNorBreaksTheLogLine() {
        String injected = "Customer 13800138000\r\n\r\nAction: UserEvent\r\nUserEvent: Injected";

        assertThatThrownBy(() -> AmiValueGuard.checkValue("OriginateToCustomer.callerId", injected))
                .hasMessageContaining("OriginateToCustomer.callerId")
                .hasMessageContaining("carriage return")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "13800138000", "Injected"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Ødegård", "王小明", "\"Customer One\" <5551001>", "+8613800138000", "a;b,c|d=e",
            "☎ 📞", ""})
    void acceptsOrdinaryTextInAnyScript(String value) {
        assertThatCode(() -> AmiValueGuard.checkValue("field", value)).doesNotThrowAnyException();
    }

    @Test
    void refusesAValueTooLongForOneAmiLine() {
        assertThatThrownBy(() -> AmiValueGuard.checkValue("SetVariable.value", "x".repeat(901)))
                .isInstanceOf(BridgeException.class)
                .satisfies(e -> assertThat(((BridgeException) e).errorId()).isEqualTo("ami-value-too-long"));
        assertThatCode(() -> AmiValueGuard.checkValue("SetVariable.value", "x".repeat(900))).doesNotThrowAnyException();
    }

    @Test
    void variableNamesMustBeNonEmptyAndFreeOfEquals() {
        assertThatThrownBy(() -> AmiValueGuard.checkVariableName("v", "A=B")).hasMessageContaining("'='");
        assertThatThrownBy(() -> AmiValueGuard.checkVariableName("v", "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> AmiValueGuard.checkVariables("OriginateToCustomer.variables",
                Map.of("NAME\n", "x"))).hasMessageContaining("OriginateToCustomer.variables name");
        assertThatThrownBy(() -> AmiValueGuard.checkVariables("OriginateToCustomer.variables",
                Map.of("NAME", "Evil\r\nAction: Hangup"))).hasMessageContaining("OriginateToCustomer.variables[NAME]");
    }

    @Test
    void checksEveryPropertyOfABuiltAction() {
        OriginateAction originate = new OriginateAction();
        originate.setChannel("PJSIP/123@trunk");
        originate.setCallerId("ok");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("GOOD", "fine");
        variables.put("BAD", "x\ny");
        originate.setVariables(variables);

        assertThatThrownBy(() -> AmiValueGuard.checkAction(originate)).hasMessageContaining("Originate.Variables[BAD]");

        SetVarAction setVar = new SetVarAction("PJSIP/1-0001", "V", "ok");
        setVar.setActionId("id\r\nAction: Hangup");
        assertThatThrownBy(() -> AmiValueGuard.checkAction(setVar)).hasMessageContaining("SetVar.ActionId");
    }
}
