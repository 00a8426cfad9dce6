package io.cti.core.bus;

import io.cti.core.messages.CustomerRegistered;
import io.cti.core.messages.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void defaultsFollowTheDesign() {
        BusOptions options = BusOptions.defaults();

        assertThat(options.streamPrefix()).isEqualTo("cti:");
        assertThat(options.maxStreamLength()).isEqualTo(1_000_000);
        assertThat(options.claimMinIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxDeliveries()).isEqualTo(5);
        assertThat(options.processedTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(options.readBatchSize()).isPositive();
        assertThat(options.blockTimeout()).isPositive();
        assertThat(options.claimInterval()).isPositive();
    }

    @Test
    void keysAreDerivedFromThePrefix() {
        BusOptions options = BusOptions.builder().streamPrefix("{cti}:").build();

        assertThat(options.streamKey(BusStream.EVENTS)).isEqualTo("{cti}:events");
        assertThat(options.streamKey(BusStream.COMMANDS)).isEqualTo("{cti}:commands");
        assertThat(options.deadLetterKey()).isEqualTo("{cti}:dead-letter");
        assertThat(options.processedKey("acd-router", "42")).isEqualTo("{cti}:processed:acd-router:42");
    }

    @Test
    void invalidOptionsAreRejectedNamingTheSettingAndTheValue() {
        BusOptions.Builder builder = BusOptions.builder();

        assertThatThrownBy(() -> builder.streamPrefix("")).hasMessageContaining("streamPrefix");
        assertThatThrownBy(() -> builder.streamPrefix("my prefix")).hasMessageContaining("streamPrefix").hasMessageContaining("my prefix");
        assertThatThrownBy(() -> builder.maxStreamLength(0)).hasMessageContaining("maxStreamLength").hasMessageContaining("0");
        assertThatThrownBy(() -> builder.readBatchSize(0)).hasMessageContaining("readBatchSize");
        assertThatThrownBy(() -> builder.blockTimeout(Duration.ZERO)).hasMessageContaining("blockTimeout");
        assertThatThrownBy(() -> builder.blockTimeout(Duration.ofMinutes(5))).hasMessageContaining("blockTimeout").hasMessageContaining("PT5M");
        assertThatThrownBy(() -> builder.claimMinIdle(Duration.ofSeconds(-1))).hasMessageContaining("claimMinIdle");
        assertThatThrownBy(() -> builder.claimInterval(Duration.ZERO)).hasMessageContaining("claimInterval");
        assertThatThrownBy(() -> builder.maxDeliveries(0)).hasMessageContaining("maxDeliveries");
        assertThatThrownBy(() -> builder.processedTtl(Duration.ZERO)).hasMessageContaining("processedTtl");
        assertThatThrownBy(() -> builder.commandTimeout(null)).hasMessageContaining("commandTimeout");
        assertThat(builder.build().blockTimeout()).isEqualTo(BusOptions.defaults().blockTimeout());
    }

    @Test
    void aSubscriptionMustNameAtLeastOneStream() {
        assertThatThrownBy(() -> Subscription.builder("acd-router", "node-1").build())
                .hasMessageContaining("at least one stream");
    }

    @Test
    void groupAndConsumerNamesMustBeSingleTokens() {
        assertThatThrownBy(() -> Subscription.builder(" ", "node-1")).hasMessageContaining("group");
        assertThatThrownBy(() -> Subscription.builder("acd router", "node-1")).hasMessageContaining("acd router");
        assertThatThrownBy(() -> Subscription.builder("acd-router", null)).hasMessageContaining("consumer");
    }

    @Test
    void newGroupsReadCommandsFromTheBeginningAndEventsFromNowUnlessTold() {
        Subscription subscription = Subscription.builder("acd-router", "node-1")
                .streams(BusStream.EVENTS, BusStream.COMMANDS)
                .types(DomainEvent.class, CustomerRegistered.class)
                .build();
        Subscription fromStart = Subscription.builder("acd-router", "node-1").streams(BusStream.EVENTS)
                .startFrom(BusStream.EVENTS, StartPosition.BEGINNING).build();

        assertThat(subscription.startPosition(BusStream.COMMANDS)).isEqualTo(StartPosition.BEGINNING);
        assertThat(subscription.startPosition(BusStream.EVENTS)).isEqualTo(StartPosition.NEW_ONLY);
        assertThat(fromStart.startPosition(BusStream.EVENTS)).isEqualTo(StartPosition.BEGINNING);
    }
}
