package io.cti.console.customers;

import io.cti.console.testapp.CustomerApiTest;
import io.cti.core.web.BodySizeLimitFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@CustomerApiTest
class RequestLimitsAndFailuresTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aBodyOverSixtyFourKibibytesIs413AndWritesNothing() {
        Map<String, Integer> before = new Rows(dataSource).counts();
        Map<String, Object> draft = TestCustomers.individual("Too Big", TestCustomers.usNumber().e164());
        draft.put("occupation", "x".repeat(BodySizeLimitFilter.LIMIT_BYTES));

        Api.Response response = api.post("/api/customers", draft);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("error").asString()).isEqualTo("payload-too-large");
        assertThat(new Rows(dataSource).counts()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        String body = "{\"name\": \"" + "y".repeat(BodySizeLimitFilter.LIMIT_BYTES) + "\"}";

        Api.Response response = api.postChunked("/api/customers", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("error").asString()).isEqualTo("payload-too-large");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadNormally() {
        String body = Api.toJson(TestCustomers.individual("Chunked Chen", TestCustomers.usNumber().e164()));

        Api.Response response = api.postChunked("/api/customers", body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.path("/profile/name").asString()).isEqualTo("Chunked Chen");
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternalsAndIsLoggedWithTheNumberMasked(CapturedOutput output) {
        Api.Response response = api.get(UnexpectedFailureEndpoint.PATH);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("error").asString()).isEqualTo("internal-error");
        assertThat(response.body()).doesNotContain("secret-db-host", UnexpectedFailureEndpoint.NUMBER,
                "IllegalStateException");
        assertThat(output.getAll()).contains("unexpected failure answering GET " + UnexpectedFailureEndpoint.PATH,
                "secret-db-host", "0123").doesNotContain(UnexpectedFailureEndpoint.NUMBER);
    }

    @Test
    void aSearchedPhoneNumberNeverAppearsInFullInTheLog(CapturedOutput output) {
        TestCustomers.UsNumber number = TestCustomers.usNumber();

        api.get("/api/customers/search?phone=" + Api.encode(number.national()));
        api.get("/api/customers/search?phone=" + Api.encode(number.e164() + "99999"));

        assertThat(output.getAll()).doesNotContain(number.e164(), number.e164().substring(1));
    }

    @Test
    void aWrongContentTypeIs415InTheSameErrorShape() {
        Api.Response response = api.send(api.request("/api/customers").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=Plain")).build());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("error").asString()).isEqualTo("unsupported-media-type");
        assertThat(response.json().path("fieldErrors").isArray()).isTrue();
    }

    @Test
    void anUnsupportedMethodIs405InTheSameErrorShape() {
        Api.Response response = api.send(api.request("/api/customers/1/card").DELETE().build());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().path("error").asString()).isEqualTo("method-not-allowed");
    }

    @Test
    void anUnknownPathUnderTheCustomerApiIs404InTheSameErrorShape() {
        Api.Response response = api.get("/api/customers/1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error").asString()).isEqualTo("not-found");
    }

    @Test
    void pathsOutsideTheCustomerApiKeepTheApplicationsOwnErrorHandling() {
        Api.Response response = api.send(api.request("/elsewhere").DELETE().build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("fieldErrors").isMissingNode()).isTrue();
    }
}
