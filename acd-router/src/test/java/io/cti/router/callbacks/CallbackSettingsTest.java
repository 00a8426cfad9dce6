package io.cti.router.callbacks;

import io.cti.core.ids.CallId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Callback settings refuse what cannot work, naming every problem; a callback's calls are told apart by offer. */
class CallbackSettingsTest {

    @Test
    void settingsThatCannotWorkAreRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> new CallbackSettings(0, Duration.ZERO, Duration.ofMinutes(5), Duration.ofDays(1),
                "12ab", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cti.router.callbacks").hasMessageContaining("maxAttempts")
                .hasMessageContaining("retryAfter").hasMessageContaining("dialTimeout")
                .hasMessageContaining("callerId").hasMessageContaining("claimBatch");
    }

    @Test
    void eachOfferOfACallbackIsACallOfItsOwnThatCanBeToldFromACallersCall() {
        CallbackId id = CallbackId.of(17);

        assertThat(id.call(1)).isEqualTo(CallId.of("cb-17-1"));
        assertThat(id.call(2)).isNotEqualTo(id.call(1));
        assertThat(CallbackId.mayBeCallback(id.call(3))).isTrue();
        assertThat(CallbackId.mayBeCallback(CallId.of("1700000000.12"))).isFalse();
    }
}
