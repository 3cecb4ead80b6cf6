package vn.docaxis.security;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import vn.docaxis.platform.MasterKey;

/**
 * Gives the login form's session cookies a key derived from the master key, so that a session
 * survives a restart and is valid on every instance behind the same database. Without it Quarkus
 * would pick a random key per process. An explicit {@code quarkus.http.auth.session.encryption-key}
 * still wins.
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT || value(context, SESSION_KEY).isPresent()) {
            return List.of();
        }
        boolean production = context.getProfiles().contains("prod");
        Path dataDir = Path.of(value(context, "docaxis.data-dir").orElse("data"));
        return MasterKey.resolve(value(context, "docaxis.master-key"), dataDir, production)
                .map(master -> Base64.getEncoder().encodeToString(MasterKey.derive(master, "session-cookie")))
                .<Iterable<ConfigSource>>map(key -> List.of(
                        new PropertiesConfigSource(Map.of(SESSION_KEY, key), "docaxis-session-key", 275)))
                .orElse(List.of()); // production without a master key: SecretBox refuses the start
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? Optional.empty() : Optional.of(v.getValue());
    }
}
