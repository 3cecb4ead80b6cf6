package vn.docaxis.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "docaxis.security")
public interface SecurityConfig {

    /**
     * Password of the first admin (user {@code admin}), used only on the first start, when no
     * admin exists ({@code DOCAXIS_ADMIN_PASSWORD}). Required then in the prod profile; in trial
     * mode a password is generated and printed once in the log.
     */
    Optional<String> adminPassword();

    /**
     * How long a connected system's verified id and secret are accepted from memory
     * ({@link CredentialCache}); also how long a system disabled or a secret rotated on another
     * instance still works on this one. {@code PT0S} checks the database at every call.
     */
    @WithDefault("PT5S")
    Duration credentialCacheTtl();
}
