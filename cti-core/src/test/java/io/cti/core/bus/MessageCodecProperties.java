package io.cti.core.bus;

import io.cti.core.messages.DomainMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCodecProperties {

    private final MessageCodec codec = new MessageCodec(MessageTypes.discover());

    @Property(tries = 500)
    void anyMessageDecodesToAnEqualMessageOfTheSameType(@ForAll("messages") DomainMessage message) {
        Map<String, String> fields = codec.encode(message);

        assertThat(fields.get("type")).isEqualTo(message.getClass().getSimpleName());
        assertThat(codec.decode("1-1", fields)).isEqualTo(message);
    }

    @Provide
    Arbitrary<DomainMessage> messages() {
        return Arbitraries.of(PermittedTypes.all())
                .flatMap(type -> Arbitraries.randomValue(random -> (DomainMessage) Samples.build(type, random)));
    }
}
