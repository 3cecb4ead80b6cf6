package vn.docaxis.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where the service keeps its own state, and the limits every request is held to. */
@ConfigMapping(prefix = "docaxis")
public interface PlatformConfig {

    /**
     * Directory for trial-mode state: the embedded database ({@code postgres/}) and generated keys.
     * Unused in production, where the database is external and keys come from the environment.
     */
    @WithDefault("data")
    Path dataDir();

    /**
     * Base64 of a 32-byte AES key that encrypts connected systems' secrets at rest
     * ({@code DOCAXIS_MASTER_KEY}). Required in the prod profile; in trial mode generated into
     * {@code <data-dir>/master.key} on first start.
     */
    Optional<String> masterKey();

    /** Request body limits, enforced before a body is read. */
    Limits limits();

    /**
     * The external PostgreSQL server ({@code DOCAXIS_DB_URL}, {@code DOCAXIS_DB_USER},
     * {@code DOCAXIS_DB_PASSWORD}). Read by {@link DatasourceConfigSourceFactory} before the
     * datasource starts; the standard {@code QUARKUS_DATASOURCE_*} variables work too.
     */
    Db db();

    /** The embedded PostgreSQL of trial mode. */
    EmbeddedDb embeddedDb();

    interface Db {
        /** JDBC URL, e.g. {@code jdbc:postgresql://db:5432/docaxis}. */
        Optional<String> url();

        Optional<String> user();

        Optional<String> password();
    }

    interface EmbeddedDb {
        /** Start an embedded PostgreSQL when no external database is configured (never in prod). */
        @WithDefault("true")
        boolean enabled();

        /** Its data directory; default {@code <data-dir>/postgres}. */
        Optional<Path> dataDir();

        /** Set by the service itself when it runs on the embedded server. */
        @WithDefault("false")
        boolean active();
    }

    interface Limits {
        /** Largest JSON body accepted by the admin and query APIs, in bytes. */
        @WithDefault("1048576")
        long jsonBody();

        /** Largest body accepted by bulk imports (JSON or CSV), in bytes. */
        @WithDefault("20971520")
        long importBody();
    }
}
