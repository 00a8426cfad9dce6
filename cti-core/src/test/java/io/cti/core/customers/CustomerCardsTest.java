package io.cti.core.customers;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.cti.core.customers.CustomerFixtures.mobile;
import static io.cti.core.customers.CustomerFixtures.newNumber;
import static io.cti.core.customers.CustomerFixtures.onCredit;
import static io.cti.core.customers.CustomerFixtures.paid;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerCardsTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static HikariDataSource database;

    @BeforeAll
    static void database() {
        database = EmbeddedServers.shared().freshDatabase();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** The services of the customer database, all on one fixed clock. */
    record Services(CustomerRepository customers, CustomerHistory history, CustomerFigures figures, CustomerCards cards,
                    Clock clock) {

        static Services at(HikariDataSource db, Instant now) {
            Clock clock = Clock.fixed(now, ZoneId.of("UTC"));
            CustomerFigures figures = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), clock);
            CustomerRepository customers = new CustomerRepository(db, figures);
            CustomerHistory history = new CustomerHistory(db, figures);
            return new Services(customers, history, figures, new CustomerCards(customers, history, figures, clock), clock);
        }

        CustomerCard card(CustomerId id) {
            return cards.byId(id).orElseThrow();
        }
    }

    private final Services services = Services.at(database, NOW);

    @Test
    void aCardCarriesTheProfileAndTheFigures() {
        PhoneNumber number = newNumber();
        CustomerProfile profile = person("Li Na").phones(mobile(number, true)).email("li.na@example.cn").build();
        CustomerId id = services.customers().create(profile);
        services.history().addPurchase(id, paid(TODAY.minusDays(12), "88.00"));

        CustomerCard card = services.card(id);

        assertThat(card.id()).isEqualTo(id);
        assertThat(card.version()).isZero();
        assertThat(card.profile()).usingRecursiveComparison().isEqualTo(profile);
        assertThat(card.figures().purchaseCount()).isEqualTo(1);
        assertThat(card.figures().monetary()).isEqualByComparingTo("88.00");
        assertThat(card.figures().recencyDays()).isEqualTo(12);
    }

    @Test
    void aCardIsFoundByTheCallersNumber() {
        PhoneNumber number = newNumber();
        CustomerId id = services.customers().create(person("Caller").phones(mobile(newNumber(), true), mobile(number, false)).build());

        assertThat(services.cards().byNumber(number)).get().extracting(CustomerCard::id).isEqualTo(id);
    }

    @Test
    void anUnknownNumberHasNoCard() {
        assertThat(services.cards().byNumber(newNumber())).isEmpty();
    }

    @Test
    void anUnknownCustomerHasNoCard() {
        assertThat(services.cards().byId(CustomerId.of(987_654_321))).isEmpty();
    }

    @Test
    void aCustomerWithNothingToMentionRaisesNoAlerts() {
        CustomerId id = services.customers().create(person("Quiet Prospect").type(CustomerType.POTENTIAL).build());

        assertThat(services.card(id).alerts()).isEmpty();
    }

    @Test
    void aCustomerMarkedVipRaisesAVipAlert() {
        CustomerId id = services.customers().create(person("Marked VIP").attributes(Map.of("vip", true)).build());

        assertThat(kinds(services.card(id))).containsExactly(Alert.Kind.VIP);
    }

    @Test
    void anOverduePaymentRaisesAnAlert() {
        CustomerId id = services.customers().create(person("Owes Money").build());
        services.history().addPurchase(id, onCredit(TODAY.minusDays(40), "250.00", TODAY.minusDays(10)));

        CustomerCard card = services.card(id);

        assertThat(kinds(card)).contains(Alert.Kind.OVERDUE_PAYMENT);
        assertThat(alert(card, Alert.Kind.OVERDUE_PAYMENT).message()).contains("250.00");
    }

    @Test
    void anOpenComplaintRaisesAnAlertAndAClosedOneDoesNot() {
        CustomerId open = services.customers().create(person("Complains").build());
        services.history().openServiceRequest(open, complaint("broken kettle", NOW.minus(Duration.ofDays(2))));
        CustomerId closed = services.customers().create(person("Complained Once").build());
        long request = services.history().openServiceRequest(closed, complaint("late parcel", NOW.minus(Duration.ofDays(9))));
        services.history().moveServiceRequest(closed, request, ServiceRequest.Status.RESOLVED, NOW.minus(Duration.ofDays(1)));

        assertThat(kinds(services.card(open))).containsExactly(Alert.Kind.OPEN_COMPLAINT);
        assertThat(alert(services.card(open), Alert.Kind.OPEN_COMPLAINT).message()).contains("broken kettle");
        assertThat(kinds(services.card(closed))).isEmpty();
        assertThat(services.card(open).openServiceRequests()).extracting(ServiceRequest::subject).containsExactly("broken kettle");
    }

    @Test
    void anOpenServiceRequestThatIsNoComplaintRaisesNoAlert() {
        CustomerId id = services.customers().create(person("Asks For Help").build());
        services.history().openServiceRequest(id, new ServiceRequest(0, ServiceRequest.Kind.SERVICE_REQUEST, "new address",
                ServiceRequest.Status.OPEN, NOW.minus(Duration.ofHours(3)), null));

        CustomerCard card = services.card(id);

        assertThat(kinds(card)).isEmpty();
        assertThat(card.openServiceRequests()).hasSize(1);
    }

    @Test
    void aLongGapSinceTheLastPurchaseRaisesAChurnRiskAlert() {
        CustomerId id = services.customers().create(person("Drifting Away").build());
        services.history().addPurchase(id, paid(TODAY.minusDays(114), "60.00"));

        assertThat(kinds(services.card(id))).contains(Alert.Kind.CHURN_RISK);
    }

    @Test
    void aLostCustomerRaisesAWinBackAlert() {
        CustomerId id = services.customers().create(person("Went Elsewhere").type(CustomerType.LOST).build());

        assertThat(kinds(services.card(id))).containsExactly(Alert.Kind.WIN_BACK);
    }

    @Test
    void aBirthdayTodayRaisesAnAlert() {
        CustomerId id = services.customers().create(person("Birthday Girl").birthDate(LocalDate.of(1990, 6, 15)).build());
        CustomerId notToday = services.customers().create(person("Birthday Tomorrow").birthDate(LocalDate.of(1990, 6, 16)).build());

        assertThat(kinds(services.card(id))).containsExactly(Alert.Kind.BIRTHDAY);
        assertThat(kinds(services.card(notToday))).isEmpty();
    }

    @Test
    void aBirthdayIsTodayInTheCustomersOwnTimeZone() {
        // 2026-06-15T20:00Z is already 16 June in Shanghai and still 15 June in Los Angeles
        Services evening = Services.at(database, Instant.parse("2026-06-15T20:00:00Z"));
        CustomerId shanghai16 = evening.customers().create(person("Shanghai 16 June").birthDate(LocalDate.of(1980, 6, 16))
                .zone("Asia/Shanghai").build());
        CustomerId shanghai15 = evening.customers().create(person("Shanghai 15 June").birthDate(LocalDate.of(1980, 6, 15))
                .zone("Asia/Shanghai").build());
        CustomerId losAngeles15 = evening.customers().create(person("LA 15 June").birthDate(LocalDate.of(1980, 6, 15))
                .zone("America/Los_Angeles").build());

        assertThat(kinds(evening.card(shanghai16))).containsExactly(Alert.Kind.BIRTHDAY);
        assertThat(kinds(evening.card(shanghai15))).isEmpty();
        assertThat(kinds(evening.card(losAngeles15))).containsExactly(Alert.Kind.BIRTHDAY);
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayIsCelebratedOnTheTwentyEighthInACommonYear() {
        Services feb28 = Services.at(database, Instant.parse("2027-02-28T12:00:00Z"));
        CustomerId leapling = feb28.customers().create(person("Leapling").birthDate(LocalDate.of(2000, 2, 29)).build());

        assertThat(kinds(feb28.card(leapling))).containsExactly(Alert.Kind.BIRTHDAY);
        assertThat(kinds(Services.at(database, Instant.parse("2027-03-01T12:00:00Z")).card(leapling))).isEmpty();
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayIsOnTheTwentyNinthInALeapYear() {
        Services leapYear = Services.at(database, Instant.parse("2028-02-28T12:00:00Z"));
        CustomerId leapling = leapYear.customers().create(person("Leapling Two").birthDate(LocalDate.of(2000, 2, 29)).build());

        assertThat(kinds(leapYear.card(leapling))).isEmpty();
        assertThat(kinds(Services.at(database, Instant.parse("2028-02-29T12:00:00Z")).card(leapling)))
                .containsExactly(Alert.Kind.BIRTHDAY);
    }

    @Test
    void theAnniversaryOfBecomingACustomerRaisesAnAlertWithTheYears() {
        CustomerId id = services.customers().create(person("Loyal Since 2019").since(LocalDate.of(2019, 6, 15)).build());
        CustomerId joinedToday = services.customers().create(person("Joined Today").since(TODAY).build());

        CustomerCard card = services.card(id);

        assertThat(kinds(card)).containsExactly(Alert.Kind.ANNIVERSARY);
        assertThat(alert(card, Alert.Kind.ANNIVERSARY).message()).contains("7 years");
        assertThat(kinds(services.card(joinedToday))).isEmpty();
    }

    @Test
    void theNextPlannedContactIsOnTheCard() {
        CustomerId id = services.customers().create(person("Has A Plan").build());
        services.history().planContact(id, new CarePlanContact(0, NOW.plus(Duration.ofDays(7)), "renewal reminder",
                Channel.PHONE, "agent-7", null));
        services.history().planContact(id, new CarePlanContact(0, NOW.plus(Duration.ofDays(2)), "follow-up on delivery",
                Channel.PHONE, "agent-7", null));
        services.history().planContact(id, new CarePlanContact(0, NOW.minus(Duration.ofDays(1)), "already done",
                Channel.EMAIL, null, NOW.minus(Duration.ofHours(20))));

        CustomerCard card = services.card(id);

        assertThat(kinds(card)).containsExactly(Alert.Kind.NEXT_CONTACT);
        assertThat(alert(card, Alert.Kind.NEXT_CONTACT).message()).contains("follow-up on delivery");
        assertThat(card.nextPlannedContact().purpose()).isEqualTo("follow-up on delivery");
    }

    @Test
    void aTopValueCustomerRaisesAVipAlertAndOthersDoNot() {
        try (HikariDataSource own = EmbeddedServers.shared().freshDatabase()) {
            Services ranked = Services.at(own, NOW);
            List<CustomerId> ids = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                CustomerId id = ranked.customers().create(person("Spender " + i).build());
                ranked.history().addPurchase(id, paid(TODAY.minusDays(3), i * 100 + ".00"));
                ids.add(id);
            }
            CustomerFixtures.refreshAll(ranked.figures());

            CustomerCard biggest = ranked.card(ids.get(9));
            assertThat(kinds(biggest)).contains(Alert.Kind.VIP);
            assertThat(alert(biggest, Alert.Kind.VIP).message()).contains("top 20%");
            assertThat(kinds(ranked.card(ids.get(0)))).doesNotContain(Alert.Kind.VIP);
        }
    }

    @Test
    void alertsComeInTheOrderAnAgentShouldReadThem() {
        CustomerId id = services.customers().create(person("Many Things").type(CustomerType.LOST)
                .birthDate(LocalDate.of(1970, 6, 15)).since(LocalDate.of(2020, 6, 15)).attributes(Map.of("vip", true)).build());
        services.history().addPurchase(id, onCredit(TODAY.minusDays(200), "500.00", TODAY.minusDays(170)));
        services.history().openServiceRequest(id, complaint("rude agent", NOW.minus(Duration.ofDays(1))));
        services.history().planContact(id, new CarePlanContact(0, NOW.plus(Duration.ofDays(1)), "apology call",
                Channel.PHONE, null, null));

        List<Alert.Kind> kinds = kinds(services.card(id));

        assertThat(kinds).containsExactly(Alert.Kind.values());
    }

    @Test
    void onlyTheLastTenInteractionsAreShownNewestFirst() {
        CustomerId id = services.customers().create(person("Talks A Lot").build());
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // recorded out of order, so that the card must sort them itself
            Instant start = NOW.minus(Duration.ofHours(((i * 5) % 12) + 1L));
            starts.add(start);
            services.history().recordInteraction(id, new Interaction(0, Channel.PHONE, Direction.INBOUND, "agent-1",
                    "call-" + i, "sales", "ANSWERED", "info", "call " + i, start, start.plusSeconds(90), 5, 85));
        }

        List<Interaction> shown = services.card(id).lastInteractions();

        assertThat(shown).hasSize(10);
        assertThat(shown).extracting(Interaction::startedAt)
                .containsExactlyElementsOf(starts.stream().sorted(Comparator.reverseOrder()).limit(10).toList());
    }

    @Test
    void historyOnTheCardReadsBackExactlyAsRecordedToTheMicrosecondWithUnknownValuesLeftEmpty() {
        CustomerId id = services.customers().create(person("Precise Times").build());
        Instant sent = Instant.parse("2026-06-14T08:00:00.123456Z");
        Interaction email = new Interaction(0, Channel.EMAIL, Direction.OUTBOUND, null, null, null, "sent", null,
                "línea 1\n\"quoted\" \\ 中文", sent, null, null, null);
        services.history().recordInteraction(id, email);
        ServiceRequest request = new ServiceRequest(0, ServiceRequest.Kind.SERVICE_REQUEST, "call back", ServiceRequest.Status.IN_PROGRESS,
                sent.plusNanos(1_000), null);
        services.history().openServiceRequest(id, request);
        CarePlanContact plan = new CarePlanContact(0, NOW.plus(Duration.ofDays(1)).plusNanos(999_000), "follow-up", Channel.SMS,
                null, null);
        services.history().planContact(id, plan);

        CustomerCard card = services.card(id);

        assertThat(card.lastInteractions()).singleElement().usingRecursiveComparison().ignoringFields("id").isEqualTo(email);
        assertThat(card.openServiceRequests()).singleElement().usingRecursiveComparison().ignoringFields("id").isEqualTo(request);
        assertThat(card.nextPlannedContact()).usingRecursiveComparison().ignoringFields("id").isEqualTo(plan);
    }

    @Test
    void figuresComputedOnAnEarlierDayAreRecomputedWhenTheCardIsRead() {
        Services then = Services.at(database, Instant.parse("2026-01-10T09:00:00Z"));
        CustomerId id = then.customers().create(person("Last Seen In January").build());
        then.history().addPurchase(id, paid(LocalDate.of(2026, 1, 10), "40.00"));
        assertThat(then.figures().find(id).orElseThrow().churnWarning()).isFalse();

        CustomerCard card = services.card(id);

        assertThat(card.figures().computedOn()).isEqualTo(TODAY);
        assertThat(card.figures().recencyDays()).isEqualTo(156);
        assertThat(card.figures().churnWarning()).isTrue();
        assertThat(kinds(card)).contains(Alert.Kind.CHURN_RISK);
        assertThat(services.figures().find(id).orElseThrow().computedOn()).as("stored as well").isEqualTo(TODAY);
    }

    @Test
    void figuresComputedTodayAreReadAsStored() {
        CustomerId id = services.customers().create(person("Read As Stored").build());
        services.history().addPurchase(id, paid(TODAY.minusDays(1), "40.00"));
        // a marker only a recomputation would overwrite
        JdbcClient.create(database).sql("update customer_figures set churn_reason = 'stored marker' where customer_id = ?")
                .param(id.value()).update();

        assertThat(services.card(id).figures().churnReason()).isEqualTo("stored marker");
    }

    // ---- helpers ----

    private static List<Alert.Kind> kinds(CustomerCard card) {
        return card.alerts().stream().map(Alert::kind).toList();
    }

    private static Alert alert(CustomerCard card, Alert.Kind kind) {
        return card.alerts().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }

    private static ServiceRequest complaint(String subject, Instant openedAt) {
        return new ServiceRequest(0, ServiceRequest.Kind.COMPLAINT, subject, ServiceRequest.Status.OPEN, openedAt, null);
    }

    private static Person person(String name) {
        return new Person(name);
    }

    /** An individual customer, CURRENT unless told otherwise, with one fresh mobile number. */
    static final class Person {
        private final String name;
        private CustomerType type = CustomerType.CURRENT;
        private String email;
        private ZoneId zone;
        private LocalDate birthDate;
        private LocalDate since;
        private List<CustomerPhone> phones = List.of(mobile(newNumber(), true));
        private Map<String, Object> attributes = Map.of();

        Person(String name) {
            this.name = name;
        }

        Person type(CustomerType v) { type = v; return this; }
        Person email(String v) { email = v; return this; }
        Person zone(String v) { zone = ZoneId.of(v); return this; }
        Person birthDate(LocalDate v) { birthDate = v; return this; }
        Person since(LocalDate v) { since = v; return this; }
        Person phones(CustomerPhone... v) { phones = List.of(v); return this; }
        Person attributes(Map<String, Object> v) { attributes = v; return this; }

        CustomerProfile build() {
            return new CustomerProfile(CustomerKind.INDIVIDUAL, type, name, email, Address.NONE, zone, null, birthDate, null,
                    null, null, null, null, null, since, phones, attributes);
        }
    }
}
