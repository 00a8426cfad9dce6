package io.cti.core.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataFoldersTest {

    @TempDir
    Path temp;

    @Test
    void wipesANestedTree() throws IOException {
        Path postgres = temp.resolve("data/postgres");
        Files.createDirectories(postgres.resolve("base/1"));
        Files.writeString(postgres.resolve("PG_VERSION"), "17");
        Files.writeString(postgres.resolve("base/1/1259"), "rows");

        DataFolders.wipe(postgres);

        assertThat(postgres).doesNotExist();
        assertThat(temp.resolve("data")).isDirectory();
    }

    @Test
    void aMissingDirectoryIsAlreadyWiped() {
        DataFolders.wipe(temp.resolve("never-created"));

        assertThat(temp.resolve("never-created")).doesNotExist();
    }

    @Test
    void doesNotFollowSymbolicLinksOutOfTheDataDirectory() throws IOException {
        Path precious = Files.createDirectories(temp.resolve("precious"));
        Files.writeString(precious.resolve("keep.txt"), "keep");
        Path redis = Files.createDirectories(temp.resolve("data/redis"));
        Files.createSymbolicLink(redis.resolve("link"), precious);

        DataFolders.wipe(redis);

        assertThat(redis).doesNotExist();
        assertThat(precious.resolve("keep.txt")).hasContent("keep");
    }
}
