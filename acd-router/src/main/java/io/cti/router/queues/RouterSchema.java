package io.cti.router.queues;

import io.cti.core.db.Migrations;

import javax.sql.DataSource;

/**
 * Proof that a database holds the router's tables (queues, agents, reason codes): obtained only by migrating it,
 * so whatever takes one in its constructor runs after the migration. Immutable.
 */
public final class RouterSchema {

    /** The module name of the router's migrations: {@code classpath:db/router}, history in {@code flyway_history_router}. */
    public static final String MODULE = "router";

    private RouterSchema() {
    }

    /** Applies cti-core's migrations, then the router's; idempotent. */
    public static RouterSchema migrate(DataSource dataSource) {
        Migrations.applyModule(dataSource, MODULE);
        return new RouterSchema();
    }
}
