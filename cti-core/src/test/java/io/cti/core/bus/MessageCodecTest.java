package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CustomerChanged;
import io.cti.core.messages.CustomerRegistered;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.RefreshCustomerFigures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec(MessageTypes.discover());

    @TestFactory
    Stream<DynamicTest> everyPermittedMessageTypeSurvivesEncodingAndDecoding() {
        return PermittedTypes.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Random random = new Random(type.getName().hashCode());
            for (int i = 0; i < 200; i++) {
                DomainMessage message = (DomainMessage) Samples.build(type, random);
                Map<String, String> fields = codec.encode(message);
                assertThat(codec.decode("1-" + i, fields)).isEqualTo(message);
            }
        }));
    }

    @Test
    void theRegistryKnowsEveryConcreteTypeOfTheSealedHierarchy() {
        assertThat(MessageTypes.discover().all()).containsExactlyInAnyOrderElementsOf(
                PermittedTypes.all().stream().map(type -> type.asSubclass(DomainMessage.class)).toList());
        assertThat(PermittedTypes.all()).contains(CustomerRegistered.class, CustomerChanged.class,
                InteractionRecorded.class, RefreshCustomerFigures.class);
    }

    @Test
    void anEntryCarriesIdTypeIsoTimestampAndJsonPayload() {
        MessageId id = new MessageId(UUID.fromString("3f2a7c1e-0000-4000-8000-000000000001"));
        Instant at = Instant.parse("2026-03-01T09:15:30.123456789Z");
        Map<String, String> fields = codec.encode(new RefreshCustomerFigures(id, at, CustomerId.of(42)));

        assertThat(fields).containsOnlyKeys("id", "type", "occurredAt", "payload");
        assertThat(fields.get("id")).isEqualTo("3f2a7c1e-0000-4000-8000-000000000001");
        assertThat(fields.get("type")).isEqualTo("RefreshCustomerFigures");
        assertThat(fields.get("occurredAt")).isEqualTo("2026-03-01T09:15:30.123456789Z");
        assertThat(fields.get("payload")).contains("\"customerId\"").contains("42").startsWith("{");
    }

    @Test
    void anUnknownTypeIsReportedByName() {
        assertThatThrownBy(() -> codec.decode("1-1", Map.of("type", "NoSuchThing", "payload", "{}")))
                .isInstanceOfSatisfying(CoreException.class, e -> assertThat(e.errorId()).isEqualTo("unknown-message-type"))
                .hasMessageContaining("NoSuchThing");
    }

    @Test
    void aPayloadThatIsNotTheTypesJsonIsUndecodable() {
        assertThatThrownBy(() -> codec.decode("1-2", Map.of("type", "CustomerRegistered", "payload", "{not json")))
                .isInstanceOfSatisfying(CoreException.class, e -> assertThat(e.errorId()).isEqualTo("undecodable-message"))
                .hasMessageContaining("1-2");
    }

    @Test
    void anEntryWithoutTypeOrPayloadIsUndecodable() {
        assertThatThrownBy(() -> codec.decode("1-3", Map.of("foo", "bar")))
                .isInstanceOfSatisfying(CoreException.class, e -> assertThat(e.errorId()).isEqualTo("undecodable-message"));
        assertThatThrownBy(() -> codec.decode("1-4", Map.of("type", "CustomerRegistered")))
                .isInstanceOfSatisfying(CoreException.class, e -> assertThat(e.errorId()).isEqualTo("undecodable-message"));
    }

    @Test
    void aPayloadThatBreaksTheRecordsRulesIsUndecodable() {
        Map<String, String> fields = codec.encode(CustomerRegistered.now(CustomerId.of(7), "current"));
        String broken = fields.get("payload").replace("7", "-7");

        assertThatThrownBy(() -> codec.decode("1-5", Map.of("type", "CustomerRegistered", "payload", broken)))
                .isInstanceOfSatisfying(CoreException.class, e -> assertThat(e.errorId()).isEqualTo("undecodable-message"));
    }

    @Test
    void anEnvelopeIdThatContradictsThePayloadIsUndecodable() {
        Map<String, String> fields = new HashMap<>(codec.encode(CustomerRegistered.now(CustomerId.of(7), "current")));
        fields.put("id", UUID.randomUUID().toString());

        assertThatThrownBy(() -> codec.decode("1-6", fields))
                .isInstanceOfSatisfying(CoreException.class, e -> assertThat(e.errorId()).isEqualTo("undecodable-message"));
    }

    @Test
    void fieldsAddedByANewerPublisherAreIgnored() {
        Map<String, String> fields = new HashMap<>(codec.encode(CustomerRegistered.now(CustomerId.of(7), "current")));
        fields.put("payload", fields.get("payload").replaceFirst("\\{", "{\"addedLater\":true,"));

        assertThat(codec.decode("1-7", fields)).isInstanceOf(CustomerRegistered.class);
    }

    @Test
    void aConnectFromAPublisherThatPredatesFencingTokensReadsAsFencedByNone() {
        io.cti.core.messages.ConnectToAgent fenced = io.cti.core.messages.ConnectToAgent.now(CallId.of("c1"),
                io.cti.core.ids.AgentId.of("alice"), "7001", java.time.Duration.ofSeconds(20), 42);
        Map<String, String> fields = new HashMap<>(codec.encode(fenced));
        assertThat(fields.get("payload")).contains("\"fencingToken\":42");
        fields.put("payload", fields.get("payload").replace(",\"fencingToken\":42", ""));

        assertThat(codec.decode("1-9", fields)).isInstanceOfSatisfying(io.cti.core.messages.ConnectToAgent.class,
                connect -> {
                    assertThat(connect.fencingToken()).isNull();
                    assertThat(connect.agentId()).isEqualTo(fenced.agentId());
                });
    }

    @Test
    void anArrivalFromAPublisherThatPredatesIvrChoicesReadsAsHavingNone() {
        CallArrived arrived = CallArrived.now(CallId.of("1700000000.1"), "PJSIP/trunk-00000001", "1700000000.1",
                "+4930123456", "5550100", QueueName.of("support"));
        Map<String, String> fields = new HashMap<>(codec.encode(arrived));
        fields.put("payload", fields.get("payload").replace(",\"ivrChoices\":[]", ""));

        assertThat(fields.get("payload")).doesNotContain("ivrChoices");
        assertThat(codec.decode("1-8", fields)).isInstanceOfSatisfying(CallArrived.class,
                decoded -> assertThat(decoded.ivrChoices()).isEmpty());
    }
}
