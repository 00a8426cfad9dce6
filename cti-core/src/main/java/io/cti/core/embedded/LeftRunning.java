package io.cti.core.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops an embedded server that an earlier run left running on a data folder (that run was killed before it could
 * stop it): found by the pid file the server writes in the folder, and stopped only if that process is alive and
 * runs the server's program. Call it with the folder's {@link DataFolderLock} held, so the earlier run is known to
 * be gone. Its way of stopping (a signal, a minute's wait, then a kill) is also how the embedded Redis this process
 * started is stopped. Stateless.
 */
final class LeftRunning {

    private static final Logger LOG = LoggerFactory.getLogger(LeftRunning.class);
    /** How long a server is given to write its data and exit before it is killed. */
    private static final Duration STOPPING = Duration.ofMinutes(1);

    private LeftRunning() {
    }

    /**
     * Stops the process named in {@code pidFile} (its first line) if it is alive and its program's path contains
     * {@code program}, with {@code signal} ("TERM" or "INT", as the server takes it for a clean and quick stop);
     * nothing when there is no such file or process.
     */
    static void stop(Path pidFile, String program, String signal, String server) {
        Optional<ProcessHandle> found = pidIn(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(command -> command.contains(program)).orElse(false));
        if (found.isEmpty()) {
            return;
        }
        ProcessHandle process = found.get();
        LOG.warn("the embedded {} of an earlier run is still running on {} (pid {}): stopping it", server,
                pidFile.getParent(), process.pid());
        terminate(process, signal, "the embedded " + server + " of an earlier run");
    }

    /**
     * Stops {@code process} with {@code signal} and waits up to {@link #STOPPING} for it to write its data and exit;
     * kills it past that ({@code what} names it in the warning). Also how a server this process started is stopped.
     */
    static void terminate(ProcessHandle process, String signal, String what) {
        signal(process, signal);
        if (!exited(process, STOPPING)) {
            LOG.warn("{} (pid {}) did not stop within {} s; killing it", what, process.pid(), STOPPING.toSeconds());
            process.destroyForcibly();
            exited(process, Duration.ofSeconds(10));
        }
    }

    private static Optional<Long> pidIn(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("could not read the pid file {} of an earlier run ({}); starting without stopping anything",
                    pidFile, e.toString());
            return Optional.empty();
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        if ("TERM".equals(signal)) {
            process.destroy();
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            LOG.debug("kill -{} could not run: {}", signal, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }

    private static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
