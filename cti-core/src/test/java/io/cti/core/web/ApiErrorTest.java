package io.cti.core.web;

import io.cti.core.customers.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorTest {

    @Test
    void aStatusSpringAnswersItselfIsNamedAfterTheStatus() {
        assertThat(ApiError.forStatus(HttpStatus.METHOD_NOT_ALLOWED, "no").error()).isEqualTo("method-not-allowed");
        assertThat(ApiError.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "no").error()).isEqualTo("unsupported-media-type");
        assertThat(ApiError.forStatus(HttpStatusCode.valueOf(599), "no").error()).isEqualTo("http-599");
    }

    @Test
    void anErrorOnAFieldNamesTheFieldInItsMessageAndItsFieldErrors() {
        ApiError error = ApiError.onField("invalid-request", "limit", "required", "the parameter is required");

        assertThat(error.message()).isEqualTo("limit: the parameter is required");
        assertThat(error.fieldErrors()).containsExactly(new FieldError("limit", "required", "the parameter is required"));
    }

    @Test
    void theFieldErrorsAreACopy() {
        List<FieldError> errors = new ArrayList<>(List.of(new FieldError("a", "b", "c")));
        ApiError error = new ApiError("invalid-thing", "a: c", errors);

        errors.clear();

        assertThat(error.fieldErrors()).hasSize(1);
    }
}
