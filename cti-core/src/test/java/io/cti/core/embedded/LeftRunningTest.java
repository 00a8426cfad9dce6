package io.cti.core.embedded;

import io.cti.core.CoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded servers after a run that was killed (SIGKILL: no shutdown hook ran) left them running on their data
 * folders: the next start stops them and starts afresh on the same data, instead of failing after a minute's wait
 * (PostgreSQL) or running a second server on one append-only file (Redis); while the owner of a folder still runs, a
 * second start on it is refused, naming the lock it holds.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LeftRunningTest {

    @TempDir
    Path folder;

    /** The servers the killed runs left, stopped after each test in case the start under test did not stop them. */
    private final List<Long> leftRunning = new java.util.ArrayList<>();

    @AfterEach
    void stopWhatWasLeftRunning() {
        leftRunning.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    }

    @Test
    void aRedisLeftRunningByAKilledRunIsStoppedAndItsDataServedByTheNextStart() throws Exception {
        Path data = folder.resolve("redis");
        long orphan = runAndKill("redis", data, data.resolve("redis.pid"));

        try (EmbeddedRedisServer again = EmbeddedRedisServer.start(data, 0, true)) {
            assertThat(isAlive(orphan)).as("the earlier run's Redis").isFalse();
            RedisClient client = RedisClient.create(again.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(connection.sync().get("agent:1001")).isEqualTo("Ready");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledRunIsStoppedAndItsClusterServedByTheNextStart() throws Exception {
        Path data = folder.resolve("postgres");
        long orphan = runAndKill("postgres", data, data.resolve("postmaster.pid"));

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, 0, false);
             Connection connection = DriverManager.getConnection(again.jdbcUrl("postgres"), again.username(), "");
             ResultSet found = connection.createStatement()
                     .executeQuery("select count(*) from pg_database where datname = 'killed_owner'")) {
            assertThat(isAlive(orphan)).as("the earlier run's PostgreSQL").isFalse();
            found.next();
            assertThat(found.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aSecondStartOnAFolderWhoseOwnerRunsIsRefusedAndTheFirstServerKeepsRunning() {
        Path data = folder.resolve("redis");
        try (EmbeddedRedisServer first = EmbeddedRedisServer.start(data, 0, false)) {
            assertThatThrownBy(() -> EmbeddedRedisServer.start(data, 0, false))
                    .isInstanceOfSatisfying(CoreException.class,
                            e -> assertThat(e.errorId()).isEqualTo("data-folder-in-use"))
                    .hasMessageContaining(data.toString())
                    .hasMessageContaining(DataFolderLock.fileOf(data).toString());
            assertThat(isAlive(first.pid())).isTrue();
        }
    }

    /**
     * Runs {@link KilledOwnerMain} until its server is ready and kills it with SIGKILL; returns the pid of the server
     * it left running, as its pid file says.
     */
    private long runAndKill(String server, Path data, Path pidFile) throws Exception {
        Path log = folder.resolve("child-" + server + ".log");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                KilledOwnerMain.class.getName(), server, data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long orphan;
        try {
            await().atMost(java.time.Duration.ofSeconds(90))
                    .until(() -> Files.readString(log).contains("ready") || !child.isAlive());
            assertThat(Files.readString(log)).as("the child's output").contains("ready");
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            leftRunning.add(orphan);
            assertThat(isAlive(orphan)).as("the server the killed run left").isTrue();
            return orphan;
        } finally {
            child.destroyForcibly();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
