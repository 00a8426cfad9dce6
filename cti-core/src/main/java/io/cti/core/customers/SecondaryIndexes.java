package io.cti.core.customers;

import io.cti.core.CoreException;
import io.cti.core.phone.PhoneNumber;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secondary indexes of a set of tables (every index but the primary keys and those a foreign key relies
 * on, unique constraints included), dropped before a bulk load into those tables and built again after it:
 * building an index from all rows at once costs a fraction of keeping it current row by row.
 *
 * <p>Everything happens inside the caller's transaction, which must hold the tables locked: PostgreSQL's DDL is
 * transactional, so if anything fails, the rollback brings every index and constraint back, and a server or
 * process crash rolls back the same way. A duplicate key found while a unique index is built fails the whole
 * transaction, so the uniqueness the schema promises is checked for every loaded row. Not thread-safe (one
 * connection).
 */
final class SecondaryIndexes {

    /** One index as the catalog describes it; {@code constraint} is set for unique and exclusion constraints. */
    private record Index(String table, String name, String definition, String constraint, boolean unique) {

        String drop() {
            return constraint == null ? "drop index " + name : "alter table " + table + " drop constraint " + constraint;
        }

        String create() {
            return constraint == null ? definition : "alter table " + table + " add constraint " + constraint + " " + definition;
        }
    }

    private static final String CATALOG = """
            select i.indrelid::regclass::text as table_name, i.indexrelid::regclass::text as index_name,
                   i.indisunique as is_unique, quote_ident(c.conname) as constraint_name,
                   coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid)) as definition
            from pg_index i
            left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('u', 'x')
            where i.indrelid = any(?::regclass[]) and not i.indisprimary
              and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid)
            order by i.indisunique desc, i.indexrelid""";
    private static final Pattern DUPLICATE_NUMBER = Pattern.compile("Key \\(e164\\)=\\((.*)\\) is duplicated");

    private final List<Index> dropped;

    private SecondaryIndexes(List<Index> dropped) {
        this.dropped = dropped;
    }

    /**
     * Locks {@code tables} against every other session for the rest of the transaction and tells whether all of
     * them are empty. False, too, when the lock is not granted within a few seconds (someone is using the tables).
     */
    static boolean lockIfAllEmpty(Connection connection, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local lock_timeout = '5s'");
            try {
                statement.execute("lock table " + String.join(", ", tables) + " in access exclusive mode");
            } catch (SQLException notGranted) {
                if (!"55P03".equals(notGranted.getSQLState())) {
                    throw notGranted;
                }
                return false; // the caller rolls the transaction back
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select exists (select 1 from " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Drops the secondary indexes of {@code tables} (locked by this transaction), remembering how to build them. */
    static SecondaryIndexes drop(Connection connection, List<String> tables) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(CATALOG)) {
            read.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new Index(rs.getString("table_name"), rs.getString("index_name"), rs.getString("definition"),
                            rs.getString("constraint_name"), rs.getBoolean("is_unique")));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (Index index : indexes) {
                statement.execute(index.drop());
            }
        }
        return new SecondaryIndexes(List.copyOf(indexes));
    }

    /** How many indexes were dropped (and are built again by {@link #rebuild}). */
    int count() {
        return dropped.size();
    }

    /**
     * Builds every dropped index again, unique ones first. A duplicate key fails with an error naming it; the
     * caller then rolls back, which restores the indexes as they were and removes the loaded rows.
     */
    void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // sorting in memory is what makes a build fast; the setting lasts until the transaction ends
            statement.execute("set local maintenance_work_mem = '256MB'");
            for (Index index : dropped) {
                try {
                    statement.execute(index.create());
                } catch (SQLException e) {
                    if (index.unique() && "23505".equals(e.getSQLState())) {
                        throw duplicate(index, e);
                    }
                    throw e;
                }
            }
        }
    }

    private static CoreException duplicate(Index index, SQLException e) {
        String detail = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getDetail() : null;
        Matcher number = DUPLICATE_NUMBER.matcher(detail == null ? "" : detail);
        String what = number.find()
                ? "phone number " + PhoneNumber.mask(number.group(1)) + " is given to more than one customer of the load"
                // the server's detail quotes the offending values, which may be phone numbers: leave it to the cause
                : "the load breaks " + index.name();
        return CoreException.database("bulk loading customers: " + what + "; nothing was loaded", e);
    }
}
