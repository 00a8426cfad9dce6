package io.cti.console.access;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.console.ConsoleException;
import io.cti.core.ids.AgentId;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user table on a real PostgreSQL of its own (the last-admin rule looks at every user, so no shared database). */
class UserRepositoryTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final String HASH = "{bcrypt}$2a$04$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234";

    private static HikariDataSource database;
    private static UserRepository users;

    @BeforeAll
    static void freshDatabase() {
        database = EmbeddedServers.shared().freshDatabase();
        users = new UserRepository(database, ConsoleSchema.migrate(database));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void migratingTwiceChangesNothing() {
        ConsoleSchema.migrate(database);

        assertThat(users.list()).isNotNull();
    }

    @Test
    void theLastEnabledAdministratorCanBeNeitherDemotedNorDisabled() {
        ConsolePrincipal first = new ConsolePrincipal("first-admin", "First", Set.of(Role.ADMIN), null);
        ConsolePrincipal second = new ConsolePrincipal("second-admin", "Second", Set.of(Role.ADMIN), null);
        users.create(first, HASH, true, NOW);
        users.create(second, HASH, true, NOW);

        users.update(withRoles(second, Role.SUPERVISOR), true, NOW);

        assertThatThrownBy(() -> users.update(withRoles(first, Role.SUPERVISOR), true, NOW))
                .isInstanceOfSatisfying(ConsoleException.class, e -> assertThat(e.errorId()).isEqualTo("last-admin"));
        assertThatThrownBy(() -> users.update(first, false, NOW))
                .isInstanceOfSatisfying(ConsoleException.class, e -> assertThat(e.errorId()).isEqualTo("last-admin"));
        assertThat(users.find("first-admin").orElseThrow().principal().roles()).containsExactly(Role.ADMIN);
        assertThat(users.find("first-admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void aTakenNameOrAgentRefusesTheWholeUser() {
        users.create(new ConsolePrincipal("taker", "Taker", Set.of(Role.AGENT), "agent77"), HASH, true, NOW);

        assertThatThrownBy(() -> users.create(new ConsolePrincipal("taker", "Again", Set.of(Role.SUPERVISOR), null),
                HASH, true, NOW)).isInstanceOfSatisfying(ConsoleException.class,
                e -> assertThat(e.errorId()).isEqualTo("duplicate-user"));
        assertThatThrownBy(() -> users.create(new ConsolePrincipal("other", "Other", Set.of(Role.AGENT), "agent77"),
                HASH, true, NOW)).isInstanceOfSatisfying(ConsoleException.class,
                e -> assertThat(e.fieldErrors().get(0).code()).isEqualTo("agent-taken"));
        assertThat(users.find("other")).isEmpty();
        assertThat(users.hasUserFor(AgentId.of("agent77"))).isTrue();
        assertThat(users.hasUserFor(AgentId.of("agent78"))).isFalse();
    }

    @Test
    void concurrentWrongPasswordsAreAllCountedAndLockOnce() throws Exception {
        users.create(new ConsolePrincipal("hammered", "Hammered", Set.of(Role.AGENT), "agent90"), HASH, true, NOW);
        LockoutPolicy policy = new LockoutPolicy(20, Duration.ofMinutes(15));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<LoginAttempts>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> users.recordFailure("hammered", NOW, policy));
        }
        try {
            for (Future<LoginAttempts> done : pool.invokeAll(attempts)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        LoginAttempts stored = users.find("hammered").orElseThrow().attempts();
        assertThat(stored.failures()).isEqualTo(20);
        assertThat(stored.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void settingAPasswordLiftsALock() {
        users.create(new ConsolePrincipal("forgetful", "Forgetful", Set.of(Role.AGENT), "agent91"), HASH, true, NOW);
        LockoutPolicy policy = new LockoutPolicy(1, Duration.ofMinutes(15));
        users.recordFailure("forgetful", NOW, policy);

        StoredUser after = users.setPassword("forgetful", HASH.replace("abc", "xyz"), NOW);

        assertThat(after.attempts()).isEqualTo(LoginAttempts.NONE);
    }

    private static ConsolePrincipal withRoles(ConsolePrincipal user, Role role) {
        return new ConsolePrincipal(user.username(), user.displayName(), Set.of(role), user.agentId());
    }
}
