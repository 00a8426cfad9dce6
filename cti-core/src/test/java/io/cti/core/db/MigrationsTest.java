package io.cti.core.db;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MigrationsTest {

    private static final AtomicLong NUMBERS = new AtomicLong(4_155_550_100L);

    /** Migrated once by {@link Migrations#apply} from empty, shared by the schema tests. */
    private static HikariDataSource database;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        database = EmbeddedServers.shared().emptyDatabase();
        Migrations.apply(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void migrationsCreateTheWholeCustomerRecordOnAnEmptyDatabase() throws SQLException {
        try (HikariDataSource empty = EmbeddedServers.shared().emptyDatabase()) {
            assertThat(tables(empty)).isEmpty();

            Migrations.apply(empty);

            assertThat(tables(empty)).contains("customer", "customer_phone", "purchase", "interaction", "service_request",
                    "satisfaction_score", "campaign_participation", "care_plan_contact", "customer_figures",
                    "figure_breakpoints", "flyway_schema_history");
        }
    }

    @Test
    void applyingMigrationsAgainChangesNothingAndKeepsTheData() throws SQLException {
        try (HikariDataSource db = EmbeddedServers.shared().emptyDatabase()) {
            Migrations.apply(db);
            long id = insertCustomer(db, "CURRENT");
            int appliedBefore = count(db, "select count(*) from flyway_schema_history where success");

            Migrations.apply(db);
            Migrations.apply(db);

            assertThat(count(db, "select count(*) from flyway_schema_history where success")).isEqualTo(appliedBefore);
            assertThat(count(db, "select count(*) from flyway_schema_history")).isEqualTo(appliedBefore);
            assertThat(count(db, "select count(*) from customer where id = " + id)).isEqualTo(1);
        }
    }

    @Test
    void deletingACustomerIsRefusedByTheSchema() throws SQLException {
        long id = insertCustomer(database, "LOST");

        SQLException refused = failure("delete from customer where id = " + id);

        assertThat(refused.getSQLState()).isEqualTo("P0001");
        assertThat(refused.getMessage()).contains("never deleted");
        assertThat(count(database, "select count(*) from customer where id = " + id)).isEqualTo(1);
    }

    @Test
    void truncatingTheCustomerTableIsRefusedByTheSchema() throws SQLException {
        long id = insertCustomer(database, "LOST");

        SQLException refused = failure("truncate customer cascade");

        assertThat(refused.getSQLState()).isEqualTo("P0001");
        assertThat(count(database, "select count(*) from customer where id = " + id)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"purchase", "interaction", "service_request", "satisfaction_score",
            "campaign_participation", "care_plan_contact"})
    void truncatingAHistoryTableIsRefusedByTheSchema(String table) throws SQLException {
        SQLException refused = failure("truncate " + table + " cascade");

        assertThat(refused.getSQLState()).isEqualTo("P0001");
        assertThat(refused.getMessage()).contains("never deleted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"purchase", "interaction", "service_request", "satisfaction_score",
            "campaign_participation", "care_plan_contact"})
    void deletingACustomersHistoryIsRefusedByTheSchema(String table) throws SQLException {
        long customer = insertCustomer(database, "CURRENT");
        execute(database, switch (table) {
            case "purchase" -> "insert into purchase (customer_id, purchased_on, product, amount) values (" + customer
                    + ", date '2026-01-02', 'tea', 12.50)";
            case "interaction" -> "insert into interaction (customer_id, channel, direction, outcome, started_at) values ("
                    + customer + ", 'PHONE', 'INBOUND', 'ANSWERED', now())";
            case "service_request" -> "insert into service_request (customer_id, kind, subject) values (" + customer
                    + ", 'COMPLAINT', 'late delivery')";
            case "campaign_participation" -> "insert into campaign_participation (customer_id, campaign, joined_on) values ("
                    + customer + ", 'spring-offer', date '2026-03-01')";
            case "care_plan_contact" -> "insert into care_plan_contact (customer_id, planned_at, purpose) values ("
                    + customer + ", now(), 'renewal call')";
            default -> "insert into satisfaction_score (customer_id, score) values (" + customer + ", 4)";
        });

        SQLException refused = failure("delete from " + table + " where customer_id = " + customer);

        assertThat(refused.getSQLState()).isEqualTo("P0001");
        assertThat(count(database, "select count(*) from " + table + " where customer_id = " + customer)).isEqualTo(1);
    }

    @Test
    void aSecondCustomerWithTheSameE164IsRefused() throws SQLException {
        long first = insertCustomer(database, "CURRENT");
        long second = insertCustomer(database, "POTENTIAL");
        String number = "+1" + NUMBERS.incrementAndGet();
        execute(database, "insert into customer_phone (customer_id, e164) values (" + first + ", '" + number + "')");

        SQLException refused = failure("insert into customer_phone (customer_id, e164) values (" + second + ", '" + number + "')");

        assertThat(refused.getSQLState()).isEqualTo("23505");
        assertThat(count(database, "select count(*) from customer_phone where customer_id = " + second)).isZero();
    }

    @Test
    void oneCustomerCannotHoldTheSameE164Twice() throws SQLException {
        long customer = insertCustomer(database, "CURRENT");
        String number = "+1" + NUMBERS.incrementAndGet();
        execute(database, "insert into customer_phone (customer_id, e164, label) values (" + customer + ", '" + number + "', 'HOME')");

        SQLException refused = failure("insert into customer_phone (customer_id, e164, label) values (" + customer + ", '"
                + number + "', 'WORK')");

        assertThat(refused.getSQLState()).isEqualTo("23505");
    }

    @Test
    void aSatisfactionScoreOutsideOneToFiveIsRefused() throws SQLException {
        long customer = insertCustomer(database, "CURRENT");

        assertThat(failure("insert into satisfaction_score (customer_id, score) values (" + customer + ", 6)").getSQLState())
                .isEqualTo("23514");
        assertThat(failure("insert into satisfaction_score (customer_id, score) values (" + customer + ", 0)").getSQLState())
                .isEqualTo("23514");
        execute(database, "insert into satisfaction_score (customer_id, score) values (" + customer + ", 5)");
        assertThat(count(database, "select count(*) from satisfaction_score where customer_id = " + customer)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155550132", "+1 415 555 0132", "+0415555013", "+1415", "+1234567890123456", "tel:+14155550132"})
    void aPhoneNumberThatIsNotE164IsRefused(String notE164) throws SQLException {
        long customer = insertCustomer(database, "CURRENT");

        SQLException refused = failure("insert into customer_phone (customer_id, e164) values (" + customer + ", '" + notE164 + "')");

        assertThat(refused.getSQLState()).isEqualTo("23514");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIP", "current", "FORMER", ""})
    void anUnknownCustomerTypeIsRefused(String type) {
        SQLException refused = failure("insert into customer (kind, type, name) values ('INDIVIDUAL', '" + type + "', 'Ann')");

        assertThat(refused.getSQLState()).isEqualTo("23514");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CURRENT", "POTENTIAL", "LOST", "DISTRIBUTOR"})
    void everyKnownCustomerTypeIsAccepted(String type) throws SQLException {
        long id = insertCustomer(database, type);

        assertThat(count(database, "select count(*) from customer where id = " + id + " and type = '" + type + "'")).isEqualTo(1);
    }

    @Test
    void aBlankNameAndAnUnknownKindAreRefused() {
        assertThat(failure("insert into customer (kind, type, name) values ('INDIVIDUAL', 'CURRENT', '   ')").getSQLState())
                .isEqualTo("23514");
        assertThat(failure("insert into customer (kind, type, name) values ('ROBOT', 'CURRENT', 'R2')").getSQLState())
                .isEqualTo("23514");
    }

    // ---- helpers ----

    private static long insertCustomer(HikariDataSource db, String type) throws SQLException {
        try (Connection c = db.getConnection();
             var insert = c.prepareStatement("insert into customer (kind, type, name) values ('INDIVIDUAL', ?, 'Ann Lee') returning id")) {
            insert.setString(1, type);
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static SQLException failure(String sql) {
        SQLException e = catchThrowableOfType(() -> execute(database, sql), SQLException.class);
        assertThat((Throwable) e).as("refused: %s", sql).isNotNull();
        return e;
    }

    private static void execute(HikariDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(HikariDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> tables(HikariDataSource db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
