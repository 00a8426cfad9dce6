package io.cti.pbxsim.ami;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Events header of Login and the Events action. */
class EventMaskTest {

    @Test
    void onAndOffMeanAllAndNone() {
        assertThat(EventMask.parse("on").accepts("call")).isTrue();
        assertThat(EventMask.parse("off").accepts("call")).isFalse();
        assertThat(EventMask.parse("off").none()).isTrue();
    }

    @Test
    void aListOfClassesLetsOnlyThoseThrough() {
        EventMask mask = EventMask.parse("call, user");
        assertThat(mask.accepts("call")).isTrue();
        assertThat(mask.accepts("user")).isTrue();
        assertThat(mask.accepts("dialplan")).isFalse();
        assertThat(mask.none()).isFalse();
    }
}
