package io.cti.core.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.regex.Pattern;

/**
 * Brings a database up to the current schema: the customer record's migrations shipped in cti-core, and each
 * module's own migrations (in {@code classpath:db/<module>}, versioned in their own history table so modules
 * number their migrations independently). Stateless.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private Migrations() {
    }

    public static void apply(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .load()
                .migrate();
    }

    /**
     * Applies the core migrations, then the module's {@code classpath:db/<module>} migrations recorded in the
     * table {@code flyway_history_<module>}; {@code module} is lower-case letters, digits and underscores.
     */
    public static void applyModule(DataSource dataSource, String module) {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module name for migrations must match " + MODULE + ": " + module);
        }
        apply(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + module)
                .table("flyway_history_" + module)
                // The schema already holds the core tables, so the module's history starts from an empty baseline.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
