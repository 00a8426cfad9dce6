package io.cti.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Empties an embedded server's data folder when the user asks for a fresh start. Stateless;
 * callers must make sure the server using the folder is stopped.
 */
public final class DataFolders {

    private DataFolders() {
    }

    /**
     * Deletes {@code directory} and everything in it; a missing directory is already wiped. Symbolic
     * links are removed, never followed, so a link inside the data folder cannot lead the wipe elsewhere.
     */
    public static void wipe(Path directory) {
        if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(directory)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory + " to wipe it", e);
        }
        for (Path path : deepestFirst) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + path + " while wiping " + directory, e);
            }
        }
    }
}
