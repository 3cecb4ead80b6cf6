package vn.docaxis.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "docaxis.security")
public interface SecurityConfig {

    /**
     * Password of the first admin (user {@code admin}), used only on the first start, when no
     * admin exists ({@code DOCAXIS_ADMIN_PASSWORD}). Required then in the prod profile; in trial
     * mode a password is generated and printed once in the log.
     */
    Optional<String> adminPassword();
}
