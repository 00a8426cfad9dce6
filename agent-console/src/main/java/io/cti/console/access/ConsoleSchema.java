package io.cti.console.access;

import io.cti.core.db.Migrations;

import javax.sql.DataSource;

/**
 * Proof that a database holds the console's own tables (users and their roles): obtained only by migrating it, so
 * whatever takes one in its constructor runs after the migration. Immutable.
 */
public final class ConsoleSchema {

    /** The module name of the console's migrations: {@code classpath:db/console}, history in {@code flyway_history_console}. */
    public static final String MODULE = "console";

    private ConsoleSchema() {
    }

    /** Applies cti-core's migrations, then the console's; idempotent. */
    public static ConsoleSchema migrate(DataSource dataSource) {
        Migrations.applyModule(dataSource, MODULE);
        return new ConsoleSchema();
    }
}
