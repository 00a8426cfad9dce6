package io.cti.console.customers;

import io.cti.console.testapp.CustomerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.cti.console.customers.CustomerCreationApiTest.codes;
import static io.cti.console.customers.CustomerCreationApiTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

@CustomerApiTest
class CustomerSearchApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aUsNumberInAnyCommonFormatFindsTheSameCustomersCard() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        long id = TestCustomers.create(api, TestCustomers.individual("Format Finder", number.e164()));

        for (String written : List.of(number.national(), number.dotted(), number.international(),
                number.withInternationalPrefix(), number.dashed(), number.e164())) {
            Api.Response response = api.get("/api/customers/search?phone=" + Api.encode(written));

            assertThat(response.status()).as(written).isEqualTo(200);
            assertThat(response.json().path("id").asLong()).as(written).isEqualTo(id);
            assertThat(response.path("/profile/name").asString()).isEqualTo("Format Finder");
        }
    }

    @Test
    void aChineseNumberWithPlusOrDoubleZeroPrefixFindsTheSameCustomer() {
        String e164 = TestCustomers.chineseMobile();
        String national = e164.substring(3);
        long id = TestCustomers.create(api, TestCustomers.individual("王芳", e164));

        for (String written : List.of("+86 " + national.substring(0, 3) + " " + national.substring(3, 7) + " "
                + national.substring(7), "0086 " + national, "0086-" + national, "0086" + national)) {
            Api.Response response = api.get("/api/customers/search?phone=" + Api.encode(written));

            assertThat(response.status()).as(written).isEqualTo(200);
            assertThat(response.json().path("id").asLong()).as(written).isEqualTo(id);
        }
    }

    @Test
    void anUnknownNumberIs404WithANewPotentialCustomerPrefilledWithTheNormalizedNumber() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();

        Api.Response response = api.get("/api/customers/search?phone=" + Api.encode(number.national()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error").asString()).isEqualTo("no-such-customer");
        assertThat(response.json().path("message").asString()).doesNotContain(number.e164());
        JsonNode draft = response.json().path("newCustomer");
        assertThat(draft.path("kind").asString()).isEqualTo("INDIVIDUAL");
        assertThat(draft.path("type").asString()).isEqualTo("POTENTIAL");
        assertThat(draft.path("phones").size()).isEqualTo(1);
        assertThat(draft.at("/phones/0/number").asString()).isEqualTo(number.e164());
        assertThat(draft.at("/phones/0/label").asString()).isEqualTo("MOBILE");
        assertThat(draft.at("/phones/0/primary").asBoolean()).isTrue();
    }

    @Test
    void theNewCustomerDraftOfAnUnknownNumberCanBeCompletedAndPostedBack() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        JsonNode draft = api.get("/api/customers/search?phone=" + Api.encode(number.dotted())).json().path("newCustomer");
        String completed = draft.toString().replaceFirst("\"name\":null", "\"name\":\"New Caller\"");

        Api.Response created = api.postText("/api/customers", completed);

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get("/api/customers/search?phone=" + Api.encode(number.e164())).status()).isEqualTo(200);
    }

    @Test
    void anUnparseablePhoneIs400WithAFieldErrorOnPhone() {
        Api.Response response = api.get("/api/customers/search?phone=" + Api.encode("call me maybe"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-phone-number");
        assertThat(fields(response)).containsExactly("phone");
        assertThat(codes(response)).containsExactly("invalid-phone-number");
    }

    @Test
    void aNameFindsCustomersByStartOrPartIncludingChineseNames() {
        long wangWei = TestCustomers.create(api, TestCustomers.individual("王伟", TestCustomers.chineseMobile()));
        long wangWeiMin = TestCustomers.create(api, TestCustomers.individual("王伟民", TestCustomers.chineseMobile()));
        long liWei = TestCustomers.create(api, TestCustomers.individual("李王伟", TestCustomers.chineseMobile()));

        Api.Response response = api.get("/api/customers/search?name=" + Api.encode("王伟"));

        assertThat(response.status()).isEqualTo(200);
        List<Long> ids = response.json().values().stream().map(s -> s.path("id").asLong()).toList();
        assertThat(ids).containsSubsequence(wangWei, wangWeiMin, liWei);
        JsonNode first = response.json().get(0);
        assertThat(first.path("name").asString()).isEqualTo("王伟");
        assertThat(first.path("primaryPhone").isString()).isTrue();
        assertThat(first.path("primaryPhone").asString()).startsWith("+86139");
        assertThat(first.path("kind").asString()).isEqualTo("INDIVIDUAL");
    }

    @Test
    void aNameSearchReturnsAtMostLimitSummaries() {
        for (int i = 0; i < 3; i++) {
            TestCustomers.create(api, TestCustomers.individual("Limitson " + i, TestCustomers.usNumber().e164()));
        }

        Api.Response response = api.get("/api/customers/search?name=limitson&limit=2");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isEqualTo(2);
    }

    @Test
    void aLimitOutsideOneToOneHundredOrNotANumberIs400OnLimit() {
        for (String limit : List.of("0", "101", "many")) {
            Api.Response response = api.get("/api/customers/search?name=anyone&limit=" + limit);

            assertThat(response.status()).as(limit).isEqualTo(400);
            assertThat(fields(response)).as(limit).containsExactly("limit");
        }
    }

    @Test
    void searchingByNeitherOrBothPhoneAndNameIs400() {
        for (String query : List.of("", "?phone=4152010000&name=Ann", "?limit=5")) {
            Api.Response response = api.get("/api/customers/search" + query);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().path("error").asString()).isEqualTo("invalid-request");
            assertThat(fields(response)).containsExactly("phone", "name");
        }
    }

    @Test
    void aBlankNameIs400() {
        Api.Response response = api.get("/api/customers/search?name=%20");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("name");
    }

    @Test
    void summariesCarryTheCityAndGradeOfEachCustomer() {
        Map<String, Object> draft = TestCustomers.individual("Summary Sally", TestCustomers.usNumber().e164());
        draft.put("address", Map.of("city", "Fresno"));
        TestCustomers.create(api, draft);

        JsonNode summary = api.get("/api/customers/search?name=" + Api.encode("Summary Sally")).json().get(0);

        assertThat(summary.path("city").asString()).isEqualTo("Fresno");
        assertThat(summary.path("grade").asString()).isEqualTo("D");
        assertThat(summary.path("id").isIntegralNumber()).isTrue();
    }
}
