package io.cti.bridge.events;

import io.cti.bridge.BridgeException;
import io.cti.bridge.testing.Facts;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.cti.bridge.testing.AmiFrames.channel;
import static io.cti.bridge.testing.AmiFrames.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The translator's memory of ended calls: late events stay ignored while it lasts, and it is bounded by age and count. */
class EndedCallMemoryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration MEMORY = Duration.ofMinutes(2);

    private final List<DomainEvent> out = new ArrayList<>();

    @Test
    void aLateHangupOfAnEndedCallIsIgnoredWhileTheCallIsRemembered() {
        AmiEventTranslator translator = translator(50_000);
        arriveAndHangUp(translator, "1.1", T0);
        translator.tick(T0.plusSeconds(5));
        int told = out.size();

        translator.onEvent(event(channel("Hangup", "PJSIP/carrier-1.1", "1.1", "1.1", "Cause: 16")),
                T0.plusSeconds(90));
        translator.tick(T0.plusSeconds(100));

        assertThat(out).hasSize(told);
        assertThat(Facts.of(out)).filteredOn(fact -> fact.startsWith("CallEnded")).hasSize(1);
    }

    @Test
    void endedCallsAreForgottenOnceTheMemoryHasPassedSoTheHeapStopsGrowing() {
        AmiEventTranslator translator = translator(50_000);
        for (int i = 0; i < 500; i++) {
            arriveAndHangUp(translator, "1." + i, T0.plusMillis(i * 10L));
        }
        translator.tick(T0.plusSeconds(10));
        assertThat(translator.endedCallsRemembered()).isEqualTo(500);

        translator.tick(T0.plusSeconds(11).plus(MEMORY));

        assertThat(translator.endedCallsRemembered()).isZero();
    }

    @Test
    void atExtremeCallRatesTheCountBoundsTheMemoryBeforeItsAgeDoes() {
        AmiEventTranslator translator = translator(100);
        for (int i = 0; i < 300; i++) {
            arriveAndHangUp(translator, "2." + i, T0);
        }

        translator.tick(T0.plusSeconds(5));

        assertThat(translator.endedCallsRemembered()).isEqualTo(100);
    }

    @Test
    void aMemoryShorterThanTenSecondsIsRefusedNamingTheSetting() {
        TranslatorSettings d = TranslatorSettings.defaults();

        assertThatThrownBy(() -> new TranslatorSettings(d.endSettle(), d.agentDevicePattern(), d.defaultQueue(),
                d.holdingContexts(), d.queueVariable(), d.rememberedEndedCalls(), Duration.ofSeconds(3)))
                .isInstanceOf(BridgeException.class)
                .hasMessageContaining("events.endedCallMemory").hasMessageContaining("at least 10 s");
    }

    private AmiEventTranslator translator(int rememberedEndedCalls) {
        TranslatorSettings d = TranslatorSettings.defaults();
        TranslatorSettings settings = new TranslatorSettings(d.endSettle(), d.agentDevicePattern(),
                QueueName.of("default"), d.holdingContexts(), d.queueVariable(), rememberedEndedCalls, MEMORY);
        return new AmiEventTranslator(settings, out::add, new SimpleMeterRegistry());
    }

    private static void arriveAndHangUp(AmiEventTranslator translator, String linkedId, Instant at) {
        String name = "PJSIP/carrier-" + linkedId;
        translator.onEvent(event(channel("Newchannel", name, linkedId, linkedId)), at);
        translator.onEvent(event(channel("UserEvent", name, linkedId, linkedId, "UserEvent: AcdEnter",
                "Skill: support")), at);
        translator.onEvent(event(channel("Hangup", name, linkedId, linkedId, "Cause: 16")), at);
    }
}
