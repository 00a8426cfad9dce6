package io.cti.bridge.events;

import io.cti.core.ids.QueueName;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Translator settings for the recorded dialplan (recorded-config/extensions.conf). Stateless. */
final class Translators {

    static final TranslatorSettings RECORDED = new TranslatorSettings(Duration.ofSeconds(1),
            "Local/[0-9]+@fake-agent", QueueName.of("default"), Set.of("acd-inbound"), "ACD_SKILL", 1000, Duration.ofMinutes(2));

    private Translators() {
    }

    static AmiEventTranslator recorded(Consumer<DomainEvent> sink) {
        return new AmiEventTranslator(RECORDED, sink, new SimpleMeterRegistry());
    }

    static AmiEventTranslator recorded(List<DomainEvent> out, SimpleMeterRegistry registry) {
        return new AmiEventTranslator(RECORDED, out::add, registry);
    }
}
