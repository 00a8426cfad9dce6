package io.cti.core.embedded;

import io.cti.core.CoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock an embedded server holds on its data folder while it runs: a file beside the folder, locked through the
 * operating system, which releases it when the process ends however it ends (killed with SIGKILL too). So a folder
 * whose lock is free has no running owner, and a server a dead owner left running on it may be stopped; a folder
 * whose lock is held is another running process's, and is left alone. Thread-safe.
 */
final class DataFolderLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolderLock.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dataDirectory} for {@code server}; refused, naming the lock file, while another process holds it. */
    static DataFolderLock take(Path dataDirectory, String server) {
        Path file = fileOf(dataDirectory);
        String what = server + " in " + dataDirectory + " (its lock file " + file + ")";
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw CoreException.embeddedServerFailed(what, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very process (another server object on the same folder): as much in use as any other.
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw CoreException.embeddedServerFailed(what, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw CoreException.dataFolderInUse(server, dataDirectory.toString(), file.toString());
        }
        return new DataFolderLock(file, channel, lock);
    }

    /** The lock file of {@code dataDirectory}: beside it, as a new cluster's folder must be empty. */
    static Path fileOf(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("could not release the lock {}: {}", file, e.toString());
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // The lock goes with the process in any case; only the descriptor is left until then.
            LOG.debug("could not close a lock file: {}", e.toString());
        }
    }
}
