package io.cti.router.staff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"PJSIP/2001", "SIP/alice@pbx.example.com:5060", "IAX2/trunk/100", "Local/2001@agents", "DAHDI/g1/5551234", "PJSIP/+8613800138000"})
    void technologyAndResourceAsAsteriskNamesDevicesAreRead(String text) {
        assertThat(PhoneEndpoint.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001", "PJSIP/", "/2001", "PJSIP/2001\r\nAction: Originate", "PJSIP/20 01", " PJSIP/2001",
            "PJSIP/2001,1", "PJSIP/2001;x", "PJSIP/${EXTEN}", "PJSIP/2001|2002", "PJ-SIP/2001", "PJSIP/2001&PJSIP/2002",
            "PJSIP/\u00e92001", "PJSIP/2001\u0000"})
    void anythingThatCouldBreakOrExtendAnAmiActionIsRefused(String text) {
        assertThatThrownBy(() -> PhoneEndpoint.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
