package io.cti.core.customers;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.CoreException;
import io.cti.core.demo.DemoCustomers;
import io.cti.core.demo.GeneratedCustomer;
import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The bulk loader against a real PostgreSQL: a fresh database per test. */
@Timeout(120)
class CustomerBulkLoaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final int N = 2_000;

    private HikariDataSource database;
    private JdbcClient jdbc;
    private CustomerFigures figures;
    private CustomerRepository customers;
    private CustomerHistory history;
    private CustomerCards cards;
    private final DemoCustomers demo = new DemoCustomers(11, TODAY);

    @BeforeEach
    void database() {
        database = EmbeddedServers.shared().freshDatabase();
        jdbc = JdbcClient.create(database);
        Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
        figures = new CustomerFigures(database, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), clock);
        customers = new CustomerRepository(database, figures);
        history = new CustomerHistory(database, figures);
        cards = new CustomerCards(customers, history, figures, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void loadsGeneratedCustomersWithTheirWholeHistory() {
        List<GeneratedCustomer> generated = demo.stream(N).toList();

        CustomerBulkLoader.Report report = new CustomerBulkLoader(database, new CustomerBulkLoader.Options(300, 2, true))
                .load(generated.stream());

        assertThat(report.customers()).isEqualTo(N);
        assertThat(report.firstCustomerId()).isEqualTo(1);
        assertThat(report.lastCustomerId()).isEqualTo(N);
        assertThat(report.referenceChecksSkipped()).isTrue(); // the embedded server's user is a superuser
        assertThat(report.figuresRefreshed()).isNull();
        assertThat(count("customer")).isEqualTo(N);
        assertThat(count("customer_phone")).isEqualTo(report.phones()).isEqualTo(sum(generated, g -> g.profile().phones().size()));
        assertThat(count("purchase")).isEqualTo(report.purchases()).isEqualTo(sum(generated, g -> g.purchases().size()));
        assertThat(count("interaction")).isEqualTo(report.interactions()).isEqualTo(sum(generated, g -> g.interactions().size()));
        assertThat(count("service_request")).isEqualTo(report.serviceRequests()).isEqualTo(sum(generated, g -> g.serviceRequests().size()));
        assertThat(count("satisfaction_score")).isEqualTo(report.satisfactionScores())
                .isEqualTo(sum(generated, g -> g.satisfactionScores().size())).isPositive();
        assertThat(count("campaign_participation")).isEqualTo(report.campaigns()).isEqualTo(sum(generated, g -> g.campaigns().size()));
        assertThat(count("care_plan_contact")).isEqualTo(report.carePlanContacts()).isEqualTo(sum(generated, g -> g.carePlan().size()));

        // every number finds its customer, and every customer reads back exactly as generated
        Set<Long> ids = new HashSet<>();
        for (GeneratedCustomer g : generated) {
            CustomerId id = customers.findIdByPhone(g.profile().phones().get(0).number()).orElseThrow();
            assertThat(ids.add(id.value())).isTrue();
            for (CustomerPhone phone : g.profile().phones()) {
                assertThat(customers.findIdByPhone(phone.number())).contains(id);
            }
            Customer stored = customers.find(id).orElseThrow();
            assertThat(stored.profile()).isEqualTo(g.profile());
            assertThat(stored.version()).isZero();
        }

        // a screen-pop shows the generated history
        for (GeneratedCustomer g : generated.subList(0, 150)) {
            CustomerCard card = cards.byNumber(g.profile().phones().get(0).number()).orElseThrow();
            assertThat(card.profile()).isEqualTo(g.profile());
            List<Interaction> expected = new ArrayList<>(g.interactions());
            expected.sort(Comparator.comparing(Interaction::startedAt).reversed());
            assertThat(card.lastInteractions().stream().map(CustomerBulkLoaderTest::withoutId).toList())
                    .isEqualTo(expected.subList(0, Math.min(CustomerCard.LAST_INTERACTIONS, expected.size())));
            assertThat(card.openServiceRequests().stream().map(CustomerBulkLoaderTest::withoutId).toList())
                    .isEqualTo(g.serviceRequests().stream().filter(ServiceRequest::isOpen).toList());
            assertThat(Optional.ofNullable(card.nextPlannedContact()).map(CustomerBulkLoaderTest::withoutId))
                    .isEqualTo(g.carePlan().stream().filter(c -> c.doneAt() == null).min(Comparator.comparing(CarePlanContact::plannedAt)));
            assertThat(card.figures().purchaseCount()).isEqualTo(g.purchases().size());
            assertThat(card.figures().monetary()).isEqualByComparingTo(
                    g.purchases().stream().map(Purchase::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
            assertThat(card.figures().creditFlag()).isEqualTo(g.purchases().stream().anyMatch(p -> p.overdueOn(TODAY)));
        }

        // scores point at the interaction they were given after
        GeneratedCustomer scored = generated.stream().filter(g -> !g.satisfactionScores().isEmpty()).findFirst().orElseThrow();
        CustomerBulkLoader.Score score = scored.satisfactionScores().get(0);
        CustomerId scoredId = customers.findIdByPhone(scored.profile().phones().get(0).number()).orElseThrow();
        Instant started = jdbc.sql("""
                        select i.started_at from satisfaction_score s join interaction i on i.id = s.interaction_id
                        where s.customer_id = ? order by s.recorded_at limit 1""")
                .param(scoredId.value()).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(started).isEqualTo(scored.interactions().get(score.interaction()).startedAt());
    }

    @Test
    void aSecondLoadContinuesTheIds() {
        CustomerBulkLoader loader = new CustomerBulkLoader(database, new CustomerBulkLoader.Options(400, 2, true));
        CustomerBulkLoader.Report first = loader.load(demo.stream(1_000));
        // someone registers a customer between the two loads: both draw on the same sequence
        CustomerId registered = customers.create(new CustomerProfile(CustomerKind.INDIVIDUAL, CustomerType.POTENTIAL,
                "Walk-in", null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(new CustomerPhone(new PhoneNumber("+8613900000001"), PhoneLabel.MOBILE, true)), Map.of()));
        CustomerBulkLoader.Report second = loader.load(demo.stream(1_000, 500));

        assertThat(registered.value()).isGreaterThan(first.lastCustomerId());
        assertThat(second.firstCustomerId()).isGreaterThan(registered.value());
        assertThat(second.customers()).isEqualTo(500);
        assertThat(count("customer")).isEqualTo(1_501);
        assertThat(jdbc.sql("select count(distinct id) from customer").query(Long.class).single()).isEqualTo(1_501);
        assertThat(jdbc.sql("select max(id) from customer").query(Long.class).single()).isEqualTo(second.lastCustomerId());
        GeneratedCustomer last = demo.customer(1_499);
        CustomerId lastId = customers.findIdByPhone(last.profile().phones().get(0).number()).orElseThrow();
        assertThat(lastId.value()).isBetween(second.firstCustomerId(), second.lastCustomerId());
        assertThat(customers.find(lastId).orElseThrow().profile()).isEqualTo(last.profile());
    }

    @Test
    void aFailingBatchLeavesNothingOfItsCustomers() {
        CustomerBulkLoader loader = new CustomerBulkLoader(database, new CustomerBulkLoader.Options(100, 1, true));
        loader.load(demo.stream(100));
        // the next load repeats customer 150 in its second batch: its numbers are taken, so that batch fails
        Stream<GeneratedCustomer> clash = Stream.concat(demo.stream(100, 150), Stream.of(demo.customer(50)));
        Stream<GeneratedCustomer> source = Stream.concat(clash, demo.stream(250, 200));

        CoreException failure = catchThrowableOfType(CoreException.class, () -> loader.load(source));

        assertThat(failure).hasMessageContaining("100 loaded and committed");
        // the first batch of the failing load (customers 100-199) is in; nothing of the second or later ones
        assertThat(count("customer")).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from customer c where not exists (select 1 from customer_phone p where p.customer_id = c.id)")
                .query(Long.class).single()).isZero();
        assertThat(count("purchase")).isEqualTo(sum(demo.stream(200).toList(), g -> g.purchases().size()));
        assertThat(customers.findIdByPhone(demo.customer(199).profile().phones().get(0).number())).isPresent();
        assertThat(customers.findIdByPhone(demo.customer(200).profile().phones().get(0).number())).isEmpty();
    }

    @Test
    void aFailingSourceKeepsTheBatchesAlreadyHandedOver() {
        CustomerBulkLoader loader = new CustomerBulkLoader(database, new CustomerBulkLoader.Options(50, 1, true));
        Iterator<GeneratedCustomer> generated = demo.iterator(0, 120);
        Iterator<GeneratedCustomer> failing = new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public GeneratedCustomer next() {
                if (given++ == 120) {
                    throw new IllegalStateException("the source broke");
                }
                return generated.next();
            }
        };

        CoreException failure = catchThrowableOfType(CoreException.class, () -> loader.load(failing));

        assertThat(failure).hasRootCauseMessage("the source broke");
        assertThat(count("customer")).isEqualTo(100);
    }

    @Test
    void textWithTabsLineBreaksAndBackslashesArrivesUnchanged() {
        GeneratedCustomer g = demo.customer(3);
        String notes = "first line\nsecond\tcolumn \\N not null \\ back\rslash 中文";
        Interaction call = new Interaction(0, Channel.PHONE, Direction.INBOUND, "agent-1", "1.2", "support", "answered",
                "complaint", notes, Instant.parse("2026-06-01T08:00:00.123456Z"), null, 5, null);
        GeneratedCustomer changed = new GeneratedCustomer(g.index(), g.profile(), g.purchases(), List.of(call),
                List.of(), List.of(new CustomerBulkLoader.Score(4, Instant.parse("2026-06-01T09:00:00Z"), "ok\tgood", 0)),
                List.of(), List.of());

        new CustomerBulkLoader(database).load(Stream.of(changed));

        CustomerId id = customers.findIdByPhone(g.profile().phones().get(0).number()).orElseThrow();
        assertThat(history.lastInteractions(id, 5)).singleElement().satisfies(i -> assertThat(withoutId(i)).isEqualTo(call));
        assertThat(jdbc.sql("select comment from satisfaction_score").query(String.class).single()).isEqualTo("ok\tgood");
    }

    @Test
    void amountsAndDatesArriveExactly() {
        GeneratedCustomer g = demo.customer(4);
        List<String> amounts = List.of("0.00", "0.01", "0.10", "1.5", "7", "9999.99", "10000.00", "10000.01",
                "123456789012.34", "99999999.9999");
        List<Purchase> purchases = amounts.stream().map(a -> new Purchase(LocalDate.of(1999, 12, 31), "p",
                new java.math.BigDecimal(a), 1, LocalDate.of(2000, 1, 1), null)).toList();
        GeneratedCustomer changed = new GeneratedCustomer(g.index(), g.profile(), purchases, g.interactions(), List.of(),
                List.of(), List.of(), List.of());

        new CustomerBulkLoader(database).load(Stream.of(changed));

        assertThat(jdbc.sql("select amount::text from purchase order by id").query(String.class).list())
                .containsExactly("0.00", "0.01", "0.10", "1.50", "7.00", "9999.99", "10000.00", "10000.01",
                        "123456789012.34", "100000000.00");
        assertThat(jdbc.sql("select distinct purchased_on::text || ' ' || due_on::text from purchase").query(String.class).list())
                .containsExactly("1999-12-31 2000-01-01");
    }

    @Test
    void loadsWithReferenceChecksToo() {
        CustomerBulkLoader.Report report = new CustomerBulkLoader(database, new CustomerBulkLoader.Options(100, 2, false))
                .load(demo.stream(300));

        assertThat(report.referenceChecksSkipped()).isFalse();
        assertThat(count("customer")).isEqualTo(300);
        assertThat(count("interaction")).isEqualTo(report.interactions());
    }

    @Test
    void intoEmptyTablesTheLoadBuildsTheSecondaryIndexesAtTheEndAndLeavesThemAsTheSchemaHasThem() {
        List<String> indexesBefore = indexes();

        CustomerBulkLoader.Report report = new CustomerBulkLoader(database, new CustomerBulkLoader.Options(300, 2, true, true))
                .load(demo.stream(1_000));

        assertThat(report.indexesRebuilt()).isTrue();
        assertThat(report.customers()).isEqualTo(1_000);
        assertThat(count("customer")).isEqualTo(1_000);
        assertThat(count("interaction")).isEqualTo(report.interactions());
        assertThat(indexes()).isEqualTo(indexesBefore)
                .anySatisfy(index -> assertThat(index).startsWith("customer_phone_e164_key: CREATE UNIQUE INDEX"))
                .anySatisfy(index -> assertThat(index).startsWith("customer_name_lower_idx: "));
        GeneratedCustomer last = demo.customer(999);
        assertThat(cards.byNumber(last.profile().phones().get(0).number())).get()
                .extracting(card -> card.profile().name()).isEqualTo(last.profile().name());
    }

    @Test
    void aNumberGivenTwiceInALoadIntoEmptyTablesFailsTheLoadNamingTheMaskedNumberAndLeavesNothing() {
        List<String> indexesBefore = indexes();
        GeneratedCustomer twice = demo.customer(40);
        Stream<GeneratedCustomer> source = Stream.concat(demo.stream(100), Stream.of(twice));

        CoreException failure = catchThrowableOfType(CoreException.class,
                () -> new CustomerBulkLoader(database, new CustomerBulkLoader.Options(30, 2, true, true)).load(source));

        assertThat(failure).hasMessageContaining("is given to more than one customer of the load")
                .hasMessageContaining("nothing was loaded");
        assertThat(twice.profile().phones()).anySatisfy(phone -> assertThat(failure)
                .hasMessageContaining(phone.number().masked()).hasMessageNotContaining(phone.number().e164()));
        assertThat(count("customer")).isZero();
        assertThat(count("customer_phone")).isZero();
        assertThat(count("interaction")).isZero();
        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    @Test
    void afterAFailedLoadIntoEmptyTablesANumberStillBelongsToOneCustomerOnly() {
        Stream<GeneratedCustomer> source = Stream.concat(demo.stream(10), Stream.of(demo.customer(3)));
        catchThrowableOfType(CoreException.class,
                () -> new CustomerBulkLoader(database, new CustomerBulkLoader.Options(5, 1, true, true)).load(source));
        PhoneNumber number = demo.customer(3).profile().phones().get(0).number();
        customers.create(profileWith("First Owner", number));

        Throwable second = catchThrowable(() -> jdbc.sql(
                "insert into customer_phone (customer_id, e164) select id, ? from customer").param(number.e164()).update());

        assertThat(second).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aFailingSourceInALoadIntoEmptyTablesLeavesNothing() {
        Iterator<GeneratedCustomer> generated = demo.iterator(0, 120);
        Iterator<GeneratedCustomer> failing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public GeneratedCustomer next() {
                if (!generated.hasNext()) {
                    throw new IllegalStateException("the source broke");
                }
                return generated.next();
            }
        };

        CoreException failure = catchThrowableOfType(CoreException.class,
                () -> new CustomerBulkLoader(database, new CustomerBulkLoader.Options(50, 1, true, true)).load(failing));

        assertThat(failure).hasMessageContaining("nothing was loaded").hasRootCauseMessage("the source broke");
        assertThat(count("customer")).isZero();
        assertThat(indexes()).anySatisfy(index -> assertThat(index).startsWith("customer_phone_e164_key: CREATE UNIQUE INDEX"));
    }

    @Test
    void intoTablesThatAlreadyHoldCustomersTheLoadWritesBatchByBatchWithTheIndexesInPlace() {
        customers.create(profileWith("Already Here", new PhoneNumber("+8613900000002")));
        List<String> indexesBefore = indexes();

        CustomerBulkLoader.Report report = new CustomerBulkLoader(database, new CustomerBulkLoader.Options(100, 2, true, true))
                .load(demo.stream(300));

        assertThat(report.indexesRebuilt()).isFalse();
        assertThat(count("customer")).isEqualTo(301);
        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    // ------------------------------------------------------------------ helpers

    /** Every index of the loader's tables as "name: definition", in name order. */
    private List<String> indexes() {
        return jdbc.sql("""
                        select indexname || ': ' || indexdef from pg_indexes
                        where schemaname = current_schema() and tablename in ('customer', 'customer_phone', 'purchase',
                            'interaction', 'service_request', 'satisfaction_score', 'campaign_participation', 'care_plan_contact')
                        order by indexname""")
                .query(String.class).list();
    }

    private static CustomerProfile profileWith(String name, PhoneNumber number) {
        return new CustomerProfile(CustomerKind.INDIVIDUAL, CustomerType.POTENTIAL, name, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of(new CustomerPhone(number, PhoneLabel.MOBILE, true)), Map.of());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static long sum(List<GeneratedCustomer> list, java.util.function.ToIntFunction<GeneratedCustomer> f) {
        return list.stream().mapToLong(f::applyAsInt).sum();
    }

    private static Interaction withoutId(Interaction i) {
        return new Interaction(0, i.channel(), i.direction(), i.agentId(), i.callId(), i.queue(), i.outcome(),
                i.disposition(), i.notes(), i.startedAt(), i.endedAt(), i.waitSeconds(), i.talkSeconds());
    }

    private static ServiceRequest withoutId(ServiceRequest r) {
        return new ServiceRequest(0, r.kind(), r.subject(), r.status(), r.openedAt(), r.closedAt());
    }

    private static CarePlanContact withoutId(CarePlanContact c) {
        return new CarePlanContact(0, c.plannedAt(), c.purpose(), c.channel(), c.ownerAgent(), c.doneAt());
    }
}
