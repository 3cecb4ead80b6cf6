package vn.docaxis.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.docaxis.platform.EmbeddedDatabase;

/** Every @QuarkusTest runs on a fresh embedded PostgreSQL in a temporary directory: no Docker, nothing installed. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private Path directory;
    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("docaxis-test-pg");
            database = EmbeddedDatabase.start(directory.resolve("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                database.close();
            }
            if (directory != null) {
                TestFiles.deleteTree(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
