package vn.docaxis.platform;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Decides where the database is, before the datasource is created:
 * <ol>
 * <li>{@code quarkus.datasource.jdbc.url} set (standard Quarkus variables): used as is;</li>
 * <li>{@code DOCAXIS_DB_URL} / {@code DOCAXIS_DB_USER} / {@code DOCAXIS_DB_PASSWORD} set: mapped onto the datasource;</li>
 * <li>neither, in the {@code prod} profile: startup is refused (no silent fallback in production);</li>
 * <li>neither, elsewhere: an {@link EmbeddedDatabase} is started on the data directory (trial mode).</li>
 * </ol>
 * Runs only at runtime init: Quarkus also reads config sources during the build, and a server
 * started there would have its random port baked into the jar.
 */
public class DatasourceConfigSourceFactory implements ConfigSourceFactory {

    /** Read by the application once running to tell the operator it is in trial mode. */
    public static final String EMBEDDED_ACTIVE = "docaxis.embedded-db.active";
    /** Survives dev-mode hot reloads (a new class loader), so the running server is reused. */
    private static final String RUNNING_URL = "docaxisEmbeddedDatabaseUrl";
    private static final int ORDINAL = 275; // above application.properties, below env and system properties

    private static final Logger LOG = Logger.getLogger(DatasourceConfigSourceFactory.class);
    private static EmbeddedDatabase embedded;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT) {
            return List.of();
        }
        if (present(context, "quarkus.datasource.jdbc.url")) {
            return List.of();
        }
        String externalUrl = value(context, "docaxis.db.url");
        if (externalUrl != null) {
            Map<String, String> props = new HashMap<>();
            props.put("quarkus.datasource.jdbc.url", externalUrl);
            putIfPresent(props, "quarkus.datasource.username", value(context, "docaxis.db.user"));
            putIfPresent(props, "quarkus.datasource.password", value(context, "docaxis.db.password"));
            return List.of(new PropertiesConfigSource(props, "docaxis-external-database", ORDINAL));
        }
        if (!"true".equalsIgnoreCase(valueOr(context, "docaxis.embedded-db.enabled", "true"))) {
            return List.of();
        }
        if (context.getProfiles().contains("prod")) {
            throw new IllegalStateException("docaxis refuses to start in the prod profile without a database: "
                    + "set DOCAXIS_DB_URL, DOCAXIS_DB_USER and DOCAXIS_DB_PASSWORD "
                    + "(or QUARKUS_DATASOURCE_JDBC_URL…). The embedded database is for trials only "
                    + "(run with -Dquarkus.profile=trial).");
        }
        String url = System.getProperty(RUNNING_URL);
        if (url == null) {
            url = startEmbedded(embeddedDirectory(context));
        }
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.datasource.jdbc.url", url);
        props.put("quarkus.datasource.username", "postgres");
        props.put("quarkus.datasource.password", "");
        props.put(EMBEDDED_ACTIVE, "true");
        return List.of(new PropertiesConfigSource(props, "docaxis-embedded-database", ORDINAL));
    }

    /** Stops the embedded server, if this class loader started one (a clean shutdown). */
    public static synchronized void stopEmbedded() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
        } finally {
            embedded = null;
            System.clearProperty(RUNNING_URL);
        }
    }

    static Path embeddedDirectory(ConfigSourceContext context) {
        String dir = value(context, "docaxis.embedded-db.data-dir");
        if (dir != null) {
            return Path.of(dir);
        }
        return Path.of(valueOr(context, "docaxis.data-dir", "data")).resolve("postgres");
    }

    private static synchronized String startEmbedded(Path dir) {
        LOG.warnf("No external database configured: starting an EMBEDDED PostgreSQL in %s. "
                + "This trial mode is not for production.", dir.toAbsolutePath());
        try {
            embedded = EmbeddedDatabase.start(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
        String url = embedded.jdbcUrl();
        System.setProperty(RUNNING_URL, url);
        return url;
    }

    private static boolean present(ConfigSourceContext context, String name) {
        return value(context, name) != null;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        if (v == null || v.getValue() == null || v.getValue().isBlank()) {
            return null;
        }
        return v.getValue();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        String v = value(context, name);
        return v == null ? fallback : v;
    }

    private static void putIfPresent(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }
}
