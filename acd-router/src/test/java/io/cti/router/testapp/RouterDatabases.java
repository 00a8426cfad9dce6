package io.cti.router.testapp;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.testing.EmbeddedServers;
import io.cti.router.queues.RouterSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh databases with the router's tables, row counts to show a refused request wrote nothing, unique names. Thread-safe. */
public final class RouterDatabases {

    private static final List<String> TABLES = List.of("router_queue", "router_queue_skill", "router_queue_overflow",
            "router_queue_overflow_skill", "router_agent", "router_agent_skill", "router_reason_code");
    private static final AtomicInteger NAMES = new AtomicInteger();

    private RouterDatabases() {
    }

    /** A new database of the shared embedded PostgreSQL with cti-core's and the router's migrations applied. */
    public static HikariDataSource fresh() {
        HikariDataSource dataSource = EmbeddedServers.shared().freshDatabase();
        RouterSchema.migrate(dataSource);
        return dataSource;
    }

    public static RouterSchema schemaOf(DataSource migrated) {
        return RouterSchema.migrate(migrated);
    }

    /** The row count of every router definition table, by table name. */
    public static Map<String, Integer> counts(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, Integer> counts = new TreeMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.sql("select count(*) from " + t).query(Integer.class).single()));
        return counts;
    }

    /** A name no other test of this JVM uses: {@code prefix-<n>}. */
    public static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }
}
