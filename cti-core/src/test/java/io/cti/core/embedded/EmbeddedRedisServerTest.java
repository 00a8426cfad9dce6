package io.cti.core.embedded;

import io.cti.core.CoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EmbeddedRedisServerTest {

    @TempDir
    Path folder;

    @Test
    void runsRedisItselfInASessionOfItsOwnSoThatATerminalsCtrlCReachesOnlyTheJvm() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isDirectory(Path.of("/proc/self")),
                "needs setsid and /proc (Linux)");
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(folder.resolve("redis"), 0, false)) {
            String info = command(server, c -> c.sync().info("server"));
            assertThat(info).contains("process_id:" + server.pid() + "\r\n");
            assertThat(sessionOf(server.pid())).isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
        }
    }

    @Test
    void closingStopsRedisCleanlyAndKeepsWhatWasWritten() {
        Path data = folder.resolve("redis");
        long pid;
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(data, 0, true)) {
            pid = server.pid();
            command(server, c -> c.sync().set("agent:1001", "Ready"));
            assertThat(data.resolve("dump.rdb")).doesNotExist();
        }
        assertThat(isAlive(pid)).isFalse();
        // Only a clean shutdown (SIGTERM, with snapshots configured) writes the snapshot; a kill would not.
        assertThat(data.resolve("dump.rdb")).exists();
        try (EmbeddedRedisServer again = EmbeddedRedisServer.start(data, 0, true)) {
            String state = command(again, c -> c.sync().get("agent:1001"));
            assertThat(state).isEqualTo("Ready");
        }
    }

    @Test
    void aPortInUseIsAnErrorNamingThePortAndWhatRedisSaid() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedRedisServer.start(folder.resolve("redis"), port, false))
                    .isInstanceOf(CoreException.class)
                    .hasMessageContaining("on port " + port)
                    .hasMessageContaining("exited before it was ready")
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void atExitRedisStaysUpUntilItsOwnerClosedIt() throws Exception {
        String said = runChild("owner");

        assertThat(said).contains("owner closing: PONG").contains("owner closed");
    }

    @Test
    void atExitRedisNobodyClosedIsStoppedAfterTheGracePeriod() throws Exception {
        String said = runChild("no-owner");

        assertThat(said).contains("redis pid").doesNotContain("owner closing");
    }

    /** Runs {@link ExitingOwnerMain}, which exits at once; its Redis must be gone when it is. Returns its output. */
    private String runChild(String mode) throws Exception {
        Path log = folder.resolve("child-" + mode + ".log");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ExitingOwnerMain.class.getName(), folder.resolve("redis-" + mode).toString(), mode))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long redisPid = -1;
        try {
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the child exits").isTrue();
            String said = Files.readString(log);
            redisPid = Long.parseLong(said.replaceAll("(?s).*redis pid (\\d+).*", "$1"));
            assertThat(isAlive(redisPid)).as("its Redis is gone: " + said).isFalse();
            return said;
        } finally {
            child.destroyForcibly();
            ProcessHandle.of(redisPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static <T> T command(EmbeddedRedisServer server,
                                 java.util.function.Function<StatefulRedisConnection<String, String>, T> command) {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection);
        } finally {
            client.shutdown();
        }
    }

    /** The session id, the sixth field of /proc/<pid>/stat (after the command in parentheses). */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }
}
