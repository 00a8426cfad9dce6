package io.cti.console.customers;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts rows of the customer tables, to show that a refused request wrote nothing. Thread-safe. */
final class Rows {

    private static final List<String> TABLES = List.of("customer", "customer_phone", "customer_figures", "purchase",
            "interaction", "service_request", "satisfaction_score", "care_plan_contact");

    private final JdbcClient jdbc;

    Rows(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The row count of every customer table, by table name. */
    Map<String, Integer> counts() {
        return TABLES.stream().collect(Collectors.toMap(t -> t,
                t -> jdbc.sql("select count(*) from " + t).query(Integer.class).single()));
    }
}
