package io.cti.core.customers;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.CoreException;
import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static io.cti.core.customers.CustomerFixtures.individual;
import static io.cti.core.customers.CustomerFixtures.mobile;
import static io.cti.core.customers.CustomerFixtures.newNumber;
import static io.cti.core.customers.CustomerFixtures.withName;
import static io.cti.core.customers.CustomerFixtures.withPhones;
import static io.cti.core.customers.CustomerFixtures.withType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CustomerRepositoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC"));
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private static HikariDataSource database;
    private static CustomerRepository customers;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        database = EmbeddedServers.shared().freshDatabase();
        customers = new CustomerRepository(database, new CustomerFigures(database, new FigureRules(113), CLOCK));
        jdbc = JdbcClient.create(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anIndividualRoundTripsWithEveryField() {
        PhoneNumber mobile = newNumber();
        PhoneNumber home = newNumber();
        CustomerProfile profile = new CustomerProfile(CustomerKind.INDIVIDUAL, CustomerType.CURRENT, "王伟", "wang.wei@example.cn",
                new Address("朝阳区建国路 88 号", "北京", "北京市", "100022", "CN"), ZoneId.of("Asia/Shanghai"), "zh-CN",
                LocalDate.of(1985, 2, 28), Gender.MALE, "engineer", "master", null, null, null, LocalDate.of(2019, 4, 1),
                List.of(new CustomerPhone(mobile, PhoneLabel.MOBILE, true), new CustomerPhone(home, PhoneLabel.HOME, false)),
                Map.of("interests", List.of("围棋", "hiking"), "family", Map.of("married", true, "children", 2),
                        "preferences", Map.of("callAfter", "18:00", "channel", "PHONE"), "vip", true, "score", 4.5));

        CustomerId id = customers.create(profile);
        Customer found = customers.find(id).orElseThrow();

        assertThat(found.id()).isEqualTo(id);
        assertThat(found.version()).isZero();
        assertThat(found.createdAt()).isNotNull();
        assertThat(found.updatedAt()).isNotNull();
        assertThat(found.profile()).usingRecursiveComparison().ignoringFields("phones").isEqualTo(profile);
        assertThat(found.profile().attributes()).isEqualTo(profile.attributes());
        assertThat(found.profile().phones()).containsExactlyInAnyOrderElementsOf(profile.phones());
        assertThat(found.profile().phones().get(0)).as("primary first").isEqualTo(profile.phones().get(0));
    }

    @Test
    void anOrganizationRoundTripsWithItsOwnFields() {
        CustomerProfile profile = new CustomerProfile(CustomerKind.ORGANIZATION, CustomerType.DISTRIBUTOR, "上海贸易有限公司",
                "sales@trade.example", new Address("浦东新区世纪大道 100 号", "上海", null, "200120", "CN"),
                ZoneId.of("Asia/Shanghai"), "zh", null, null, null, null, "wholesale", "王伟", "李娜",
                LocalDate.of(2015, 9, 30), List.of(new CustomerPhone(newNumber(), PhoneLabel.WORK, true),
                new CustomerPhone(newNumber(), PhoneLabel.FAX, false)),
                Map.of("contactPreferences", Map.of("李娜", "mornings only"), "employees", 250));

        Customer found = customers.find(customers.create(profile)).orElseThrow();

        assertThat(found.profile()).usingRecursiveComparison().ignoringFields("phones").isEqualTo(profile);
        assertThat(found.profile().phones()).containsExactlyInAnyOrderElementsOf(profile.phones());
    }

    @Test
    void aNewCustomerHasFiguresFromTheStart() {
        CustomerId id = customers.create(individual("Fresh Figures", mobile(newNumber(), true)));

        assertThat(jdbc.sql("select grade from customer_figures where customer_id = ?").param(id.value())
                .query(String.class).single()).isEqualTo("D");
    }

    @Test
    void aCustomerIsFoundByAnyOfTheirNumbers() {
        PhoneNumber first = newNumber();
        PhoneNumber second = newNumber();
        CustomerId id = customers.create(individual("Two Phones", mobile(first, true), mobile(second, false)));

        assertThat(customers.findIdByPhone(first)).contains(id);
        assertThat(customers.findIdByPhone(second)).contains(id);
        assertThat(customers.findIdByPhone(newNumber())).isEmpty();
    }

    @Test
    void aMissingCustomerIsNotFound() {
        assertThat(customers.find(CustomerId.of(987_654_321))).isEmpty();
        assertThat(customers.exists(CustomerId.of(987_654_321))).isFalse();
    }

    @Test
    void searchByNameListsPrefixMatchesBeforeContainsMatches() {
        String token = token();
        CustomerId contains1 = create("Anna " + token);
        CustomerId prefix = create(token + " Trading");
        CustomerId contains2 = create("Bob " + token + "son");
        create("Unrelated " + token() + " Person");

        List<CustomerSummary> found = customers.searchByName(token, 10);

        assertThat(found).extracting(CustomerSummary::id).containsExactly(prefix, contains1, contains2);
    }

    @Test
    void searchByNameIgnoresCase() {
        String token = token();
        CustomerId id = create("Mixed " + token + " Case");

        assertThat(customers.searchByName(token.toUpperCase(), 10)).extracting(CustomerSummary::id).containsExactly(id);
        assertThat(customers.searchByName("mixed " + token.toLowerCase(), 10)).extracting(CustomerSummary::id).containsExactly(id);
    }

    @Test
    void searchByNameIgnoresCaseBeyondAscii() {
        String token = token();
        CustomerId id = create("ÉMILE ÇAĞLAR MÜLLER " + token);

        assertThat(customers.searchByName("émile çağlar müller " + token, 10)).extracting(CustomerSummary::id).containsExactly(id);
    }

    @Test
    void searchByNameFindsChineseNames() {
        CustomerId id = customers.create(individual("王伟" + token(), mobile(newNumber(), true)));

        assertThat(customers.searchByName("王伟", 100)).extracting(CustomerSummary::id).contains(id);
    }

    @Test
    void searchByNameTakesPercentAndUnderscoreLiterally() {
        String token = token();
        CustomerId percent = create(token + " 100% Cotton");
        create(token + " 100 Cotton");
        CustomerId underscore = create(token + " a_b");
        create(token + " axb");
        CustomerId backslash = create(token + " c\\d");
        create(token + " cd");

        assertThat(customers.searchByName(token + " 100%", 10)).extracting(CustomerSummary::id).containsExactly(percent);
        assertThat(customers.searchByName(token + " a_b", 10)).extracting(CustomerSummary::id).containsExactly(underscore);
        assertThat(customers.searchByName(token + " c\\d", 10)).extracting(CustomerSummary::id).containsExactly(backslash);
        assertThat(customers.searchByName("%", 1000)).extracting(CustomerSummary::id).containsExactly(percent);
    }

    @Test
    void searchByNameReturnsAtMostTheLimit() {
        String token = token();
        for (int i = 0; i < 5; i++) {
            create(token + " " + i);
        }

        assertThat(customers.searchByName(token, 3)).hasSize(3);
    }

    @Test
    void aShortFixedLineNumberIsStoredAndFoundByNumber() {
        PhoneNumber vienna = new PhoneNumber("+431110");

        CustomerId id = customers.create(individual("Wiener Kunde", mobile(vienna, true)));

        assertThat(customers.findIdByPhone(vienna)).contains(id);
    }

    @Test
    void aSearchResultShowsThePrimaryPhoneAndGrade() {
        String token = token();
        PhoneNumber primary = newNumber();
        customers.create(individual(token, mobile(newNumber(), false), mobile(primary, true)));

        assertThat(customers.searchByName(token, 10)).singleElement().satisfies(s -> {
            assertThat(s.primaryPhone()).isEqualTo(primary);
            assertThat(s.grade()).isEqualTo(Grade.D);
        });
    }

    @Test
    void updateReplacesTheStaticDataAndThePhones() {
        PhoneNumber old1 = newNumber();
        PhoneNumber old2 = newNumber();
        PhoneNumber replacement = newNumber();
        CustomerProfile original = individual("Before Update", mobile(old1, true), mobile(old2, false));
        CustomerId id = customers.create(original);

        Customer updated = customers.update(id, withPhones(withName(original, "After Update"),
                new CustomerPhone(replacement, PhoneLabel.WORK, true)), 0);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.profile().name()).isEqualTo("After Update");
        assertThat(customers.find(id).orElseThrow().profile().phones())
                .containsExactly(new CustomerPhone(replacement, PhoneLabel.WORK, true));
        assertThat(customers.findIdByPhone(replacement)).contains(id);
        assertThat(customers.findIdByPhone(old1)).isEmpty();
        assertThat(customers.findIdByPhone(old2)).isEmpty();
    }

    @Test
    void updateMayKeepACustomersOwnNumber() {
        PhoneNumber number = newNumber();
        CustomerProfile original = individual("Keeps Number", mobile(number, true));
        CustomerId id = customers.create(original);

        customers.update(id, withName(original, "Keeps Number Too"), null);

        assertThat(customers.findIdByPhone(number)).contains(id);
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        PhoneNumber number = newNumber();
        CustomerProfile original = individual("Stale Original", mobile(number, true));
        CustomerId id = customers.create(original);
        customers.update(id, withName(original, "First Writer"), 0);

        CoreException e = catchThrowableOfType(() -> customers.update(id,
                withPhones(withName(original, "Second Writer"), mobile(newNumber(), true)), 0), CoreException.class);

        assertThat(e.errorId()).isEqualTo("stale-customer");
        Customer now = customers.find(id).orElseThrow();
        assertThat(now.version()).isEqualTo(1);
        assertThat(now.profile().name()).isEqualTo("First Writer");
        assertThat(now.profile().phones()).containsExactly(mobile(number, true));
    }

    @Test
    void updateOfAMissingCustomerIsRefused() {
        CoreException e = catchThrowableOfType(() -> customers.update(CustomerId.of(987_654_321),
                individual("Nobody", mobile(newNumber(), true)), null), CoreException.class);

        assertThat(e.errorId()).isEqualTo("no-such-customer");
    }

    @Test
    void aNewCustomerWithAnotherCustomersNumberIsRefusedAndNothingIsWritten() {
        PhoneNumber taken = newNumber();
        CustomerId owner = customers.create(individual("Number Owner", mobile(taken, true)));
        String name = "Would Be " + token();
        int customersBefore = count("select count(*) from customer");

        InvalidCustomerException e = catchThrowableOfType(() -> customers.create(
                individual(name, mobile(newNumber(), true), mobile(taken, false))), InvalidCustomerException.class);

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("phones[1].number");
            assertThat(error.code()).isEqualTo("phone-taken");
        });
        assertThat(count("select count(*) from customer")).isEqualTo(customersBefore);
        assertThat(customers.searchByName(name, 10)).isEmpty();
        assertThat(customers.findIdByPhone(taken)).contains(owner);
    }

    @Test
    void anUpdateTakingAnotherCustomersNumberIsRefusedAndNothingIsWritten() {
        PhoneNumber taken = newNumber();
        customers.create(individual("Owner Two", mobile(taken, true)));
        PhoneNumber own = newNumber();
        CustomerProfile original = individual("Taker", mobile(own, true));
        CustomerId taker = customers.create(original);

        InvalidCustomerException e = catchThrowableOfType(() -> customers.update(taker,
                withPhones(withName(original, "Taker Renamed"), mobile(taken, true)), 0), InvalidCustomerException.class);

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phones[0].number", "phone-taken"));
        Customer now = customers.find(taker).orElseThrow();
        assertThat(now.version()).isZero();
        assertThat(now.profile().name()).isEqualTo("Taker");
        assertThat(now.profile().phones()).containsExactly(mobile(own, true));
    }

    @Test
    void twoCustomersCreatedAtOnceWithOneNumberGetOneOwnerAndOneFieldError() throws Exception {
        PhoneNumber contested = newNumber();
        // Slow down phone inserts of this one number so that both writers pass the "is it taken" check first.
        execute("""
                create or replace function slow_contested_phone() returns trigger language plpgsql as $$
                begin
                    if new.e164 = '%s' then perform pg_sleep(0.5); end if;
                    return new;
                end $$""".formatted(contested.e164()));
        execute("create trigger slow_contested_phone before insert on customer_phone for each row execute function slow_contested_phone()");
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> attempt(start, "Racer A " + token(), contested));
            CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> attempt(start, "Racer B " + token(), contested));
            List<Object> outcomes = List.of(a.get(), b.get());

            assertThat(outcomes).filteredOn(CustomerId.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof CustomerId)).singleElement()
                    .isInstanceOfSatisfying(InvalidCustomerException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("phones[0].number", "phone-taken")));
            CustomerId winner = (CustomerId) outcomes.stream().filter(CustomerId.class::isInstance).findFirst().orElseThrow();
            assertThat(customers.findIdByPhone(contested)).contains(winner);
        } finally {
            execute("drop trigger slow_contested_phone on customer_phone");
        }
    }

    private static Object attempt(CyclicBarrier start, String name, PhoneNumber number) {
        try {
            start.await();
            return customers.create(individual(name, mobile(number, true)));
        } catch (RuntimeException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLostCustomerCannotBeDeletedAndStaysFindable() {
        PhoneNumber number = newNumber();
        CustomerProfile original = individual("Gone Away", mobile(number, true));
        CustomerId id = customers.create(original);
        customers.update(id, withType(original, CustomerType.LOST), 0);

        Throwable refused = catchThrowable(() -> execute("delete from customer where id = " + id.value()));

        assertThat(refused).isInstanceOf(SQLException.class).hasMessageContaining("never deleted");
        assertThat(customers.find(id)).get().extracting(c -> c.profile().type()).isEqualTo(CustomerType.LOST);
        assertThat(customers.findIdByPhone(number)).contains(id);
        assertThat(customers.searchByName("Gone Away", 10)).extracting(CustomerSummary::id).contains(id);
    }

    // ---- helpers ----

    private static String token() {
        return "Qz" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + TOKENS.incrementAndGet() + "x";
    }

    private static CustomerId create(String name) {
        return customers.create(individual(name, mobile(newNumber(), true)));
    }

    private static int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
