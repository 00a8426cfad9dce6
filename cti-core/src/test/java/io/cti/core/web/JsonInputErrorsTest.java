package io.cti.core.web;

import io.cti.core.customers.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonInputErrorsTest {

    @Test
    void malformedJsonSaysWhereItBroke() {
        ApiError error = JsonInputErrors.describe(unreadable("{\"name\": x}", Thing.class));

        assertThat(error.error()).isEqualTo("malformed-json");
        assertThat(error.message()).startsWith("malformed JSON at line 1, column");
    }

    @Test
    void anUnknownPropertyIsAFieldErrorListingTheKnownOnes() {
        ApiError error = JsonInputErrors.describe(unreadable("{\"nmae\": \"x\"}", Thing.class));

        assertThat(error.error()).isEqualTo("unknown-property");
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("nmae");
        assertThat(error.message()).contains("[count, name]");
    }

    @Test
    void aWrongJsonTypeNamesTheFieldAndWhatItExpects() {
        ApiError error = JsonInputErrors.describe(unreadable("{\"count\": {}}", Thing.class));

        assertThat(error.error()).isEqualTo("wrong-json-type");
        assertThat(error.fieldErrors()).containsExactly(
                new FieldError("count", "wrong-json-type", "wrong JSON type: expected a number"));
    }

    @Test
    void noBodyAtAllIsAMissingBody() {
        HttpMessageNotReadableException noBody = new HttpMessageNotReadableException("none", new MockHttpInputMessage(new byte[0]));

        ApiError error = JsonInputErrors.describe(noBody);

        assertThat(error.error()).isEqualTo("missing-body");
    }

    record Thing(String name, Integer count) {
    }

    private static HttpMessageNotReadableException unreadable(String json, Class<?> type) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            mapper.readValue(json, type);
        } catch (RuntimeException e) {
            return new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(json.getBytes()));
        }
        throw new AssertionError("read without a failure: " + json);
    }
}
