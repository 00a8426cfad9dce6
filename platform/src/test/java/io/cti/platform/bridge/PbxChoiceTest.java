package io.cti.platform.bridge;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PbxChoiceTest {

    @Test
    void nothingConfiguredMeansTheEmbeddedPbxSim() {
        assertThat(PbxChoice.of(new MockEnvironment())).isEqualTo(PbxChoice.EMBEDDED_PBX_SIM);
        assertThat(PbxChoice.of(new MockEnvironment().withProperty("cti.bridge.host", " ")))
                .isEqualTo(PbxChoice.EMBEDDED_PBX_SIM);
    }

    @Test
    void aHostMeansThatAsteriskWhateverTheEmbeddedFlagSays() {
        assertThat(PbxChoice.of(new MockEnvironment().withProperty("cti.bridge.host", "pbx.example.com")
                .withProperty("cti.platform.pbx.embedded", "true"))).isEqualTo(PbxChoice.EXTERNAL_ASTERISK);
    }

    @Test
    void noHostAndNoEmbeddedPbxMeansNone() {
        assertThat(PbxChoice.of(new MockEnvironment().withProperty("cti.platform.pbx.embedded", "false")))
                .isEqualTo(PbxChoice.NONE);
    }
}
