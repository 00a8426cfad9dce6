package io.cti.console.customers;

import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes cti-core's value types the way the console and other clients expect them, without Jackson annotations
 * in cti-core: a {@link PhoneNumber} as its E.164 string (not {"e164": ...}) and a {@link CustomerId} as a
 * number (not {"value": ...}); reads them back the same way. Immutable and thread-safe.
 */
final class CoreTypesJsonModule extends SimpleModule {

    CoreTypesJsonModule() {
        super("cti-core-types");
        addSerializer(PhoneNumber.class, new PhoneNumberSerializer());
        addDeserializer(PhoneNumber.class, new PhoneNumberDeserializer());
        addSerializer(CustomerId.class, new CustomerIdSerializer());
        addDeserializer(CustomerId.class, new CustomerIdDeserializer());
    }

    private static final class PhoneNumberSerializer extends StdSerializer<PhoneNumber> {
        PhoneNumberSerializer() {
            super(PhoneNumber.class);
        }

        @Override
        public void serialize(PhoneNumber value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(value.e164());
        }
    }

    private static final class PhoneNumberDeserializer extends StdDeserializer<PhoneNumber> {
        PhoneNumberDeserializer() {
            super(PhoneNumber.class);
        }

        @Override
        public PhoneNumber deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (PhoneNumber) context.handleUnexpectedToken(PhoneNumber.class, parser);
            }
            String text = parser.getString();
            try {
                return new PhoneNumber(text);
            } catch (IllegalArgumentException e) {
                // The value is not echoed: it may be most of a real phone number.
                throw context.weirdStringException(PhoneNumber.mask(text), PhoneNumber.class, "not an E.164 number");
            }
        }
    }

    private static final class CustomerIdSerializer extends StdSerializer<CustomerId> {
        CustomerIdSerializer() {
            super(CustomerId.class);
        }

        @Override
        public void serialize(CustomerId value, JsonGenerator gen, SerializationContext context) {
            gen.writeNumber(value.value());
        }
    }

    private static final class CustomerIdDeserializer extends StdDeserializer<CustomerId> {
        CustomerIdDeserializer() {
            super(CustomerId.class);
        }

        @Override
        public CustomerId deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return (CustomerId) context.handleUnexpectedToken(CustomerId.class, parser);
            }
            long value = parser.getLongValue();
            if (value < 1) {
                throw context.weirdNumberException(value, CustomerId.class, "a customer id is a positive number");
            }
            return CustomerId.of(value);
        }
    }
}
