package io.cti.console.access;

import io.cti.console.ConsoleException;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores the console's users, their roles and failed logins in PostgreSQL. Every write is one transaction, so a
 * refused change leaves the user as it was; users are never deleted. Thread-safe.
 */
public final class UserRepository {

    private static final String SELECT = """
            select u.username, u.display_name, u.password_hash, u.agent_id, u.enabled, u.failed_logins,
                   u.locked_until, u.password_changed_at, u.version,
                   (select string_agg(r.role, ',' order by r.role) from console_user_role r
                    where r.username = u.username) as roles
            from console_user u
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public UserRepository(DataSource dataSource, ConsoleSchema schema) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public Optional<StoredUser> find(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(UserRepository::row).optional();
    }

    /** Every user, by name. */
    public List<StoredUser> list() {
        return jdbc.sql(SELECT + " order by u.username").query(UserRepository::row).list();
    }

    /** Whether some console user (enabled or not) is linked to {@code agent}: a person takes its calls. */
    public boolean hasUserFor(AgentId agent) {
        return jdbc.sql("select exists (select 1 from console_user where agent_id = ?)").param(agent.value())
                .query(Boolean.class).single();
    }

    /** The phone endpoint {@code username} listens in from (e.g. {@code PJSIP/3001}), if one is set. */
    public Optional<String> phoneEndpoint(String username) {
        return jdbc.sql("select phone_endpoint from console_user where username = ?").param(username)
                .query(String.class).optional();
    }

    /** Sets the phone endpoint of {@code username} (the database checks its form); false when no such user. */
    public boolean setPhoneEndpoint(String username, String endpoint) {
        return jdbc.sql("update console_user set phone_endpoint = ? where username = ?").params(endpoint, username)
                .update() == 1;
    }

    /** Stores a new user; a taken name or agent id refuses it whole. */
    public StoredUser create(ConsolePrincipal user, String passwordHash, boolean enabled, Instant now) {
        try {
            return transactions.execute(status -> {
                jdbc.sql("""
                                insert into console_user (username, display_name, password_hash, agent_id, enabled,
                                    password_changed_at, created_at, updated_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(user.username(), user.displayName(), passwordHash, user.agentId(), enabled,
                                Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                        .update();
                insertRoles(user.username(), user.roles());
                return find(user.username()).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw find(user.username()).isPresent() ? ConsoleException.duplicateUser(user.username())
                    : agentTaken(user.agentId());
        }
    }

    /**
     * Replaces a user's name shown, roles, linked agent and whether they may log in. Refused when it would leave no
     * enabled ADMIN.
     */
    public StoredUser update(ConsolePrincipal user, boolean enabled, Instant now) {
        try {
            return transactions.execute(status -> {
                StoredUser current = lockForUpdate(user.username());
                boolean staysAdmin = enabled && user.has(Role.ADMIN);
                if (!staysAdmin && current.enabled() && current.principal().has(Role.ADMIN)
                        && enabledAdminsOtherThan(user.username()) == 0) {
                    throw ConsoleException.lastAdmin(user.username());
                }
                jdbc.sql("""
                                update console_user set display_name = ?, agent_id = ?, enabled = ?, updated_at = ?,
                                    version = version + 1
                                where username = ?""")
                        .params(user.displayName(), user.agentId(), enabled, Timestamp.from(now), user.username())
                        .update();
                jdbc.sql("delete from console_user_role where username = ?").param(user.username()).update();
                insertRoles(user.username(), user.roles());
                return find(user.username()).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw agentTaken(user.agentId());
        }
    }

    /** Sets a new password hash; it also forgets failed logins and lifts a lock. */
    public StoredUser setPassword(String username, String passwordHash, Instant now) {
        int updated = jdbc.sql("""
                        update console_user set password_hash = ?, password_changed_at = ?, failed_logins = 0,
                            locked_until = null, updated_at = ?, version = version + 1
                        where username = ?""")
                .params(passwordHash, Timestamp.from(now), Timestamp.from(now), username).update();
        if (updated == 0) {
            throw ConsoleException.noSuchUser(username);
        }
        return find(username).orElseThrow();
    }

    /** Counts a wrong password at {@code now} under {@code policy}; returns the attempts as stored afterwards. */
    public LoginAttempts recordFailure(String username, Instant now, LockoutPolicy policy) {
        return transactions.execute(status -> {
            LoginAttempts before = lockForUpdate(username).attempts();
            LoginAttempts after = before.afterFailure(now, policy);
            if (!after.equals(before)) {
                jdbc.sql("update console_user set failed_logins = ?, locked_until = ? where username = ?")
                        .params(after.failures(), after.lockedUntil() == null ? null : Timestamp.from(after.lockedUntil()),
                                username)
                        .update();
            }
            return after;
        });
    }

    /** Forgets failed logins and lifts a lock: a successful login, or an administrator's unlock. */
    public void clearFailures(String username) {
        // Written only when there is something to forget: most logins follow no failure.
        jdbc.sql("""
                        update console_user set failed_logins = 0, locked_until = null
                        where username = ? and (failed_logins > 0 or locked_until is not null)""")
                .param(username).update();
    }

    private StoredUser lockForUpdate(String username) {
        jdbc.sql("select 1 from console_user where username = ? for update").param(username).query(Integer.class)
                .optional().orElseThrow(() -> ConsoleException.noSuchUser(username));
        return find(username).orElseThrow();
    }

    private int enabledAdminsOtherThan(String username) {
        // Locks the other admins' rows, so two administrators cannot demote each other at the same moment.
        return jdbc.sql("""
                        select u.username from console_user u join console_user_role r on r.username = u.username
                        where r.role = 'ADMIN' and u.enabled and u.username <> ? for update of u""")
                .param(username).query(String.class).list().size();
    }

    private void insertRoles(String username, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("insert into console_user_role (username, role) values (?, ?)").params(username, role.name())
                    .update();
        }
    }

    private static ConsoleException agentTaken(String agentId) {
        return ConsoleException.invalidInput("user", List.of(new FieldError("agentId", "agent-taken",
                "agent " + agentId + " is already linked to another user")));
    }

    private static StoredUser row(ResultSet rs, int n) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles != null) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(parsed::add);
        }
        Timestamp locked = rs.getTimestamp("locked_until");
        ConsolePrincipal principal = new ConsolePrincipal(rs.getString("username"), rs.getString("display_name"),
                parsed, rs.getString("agent_id"));
        return new StoredUser(principal, rs.getString("password_hash"), rs.getBoolean("enabled"),
                new LoginAttempts(rs.getInt("failed_logins"), locked == null ? null : locked.toInstant()),
                rs.getTimestamp("password_changed_at").toInstant(), rs.getInt("version"));
    }
}
