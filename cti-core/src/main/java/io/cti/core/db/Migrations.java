package io.cti.core.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings a database up to the current schema with the Flyway migrations shipped in cti-core. Stateless. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static void apply(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .load()
                .migrate();
    }
}
