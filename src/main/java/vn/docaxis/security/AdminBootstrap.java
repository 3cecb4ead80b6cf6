package vn.docaxis.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;
import vn.docaxis.platform.Deployment;
import vn.docaxis.platform.ProblemException;

/** Creates the first admin on the first start, so that someone can log in and register the rest. */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    /** Serialises first starts of several instances on one database. */
    private static final long LOCK_KEY = 0x646f6361_78697301L;

    @Inject
    UserService users;

    @Inject
    SecurityConfig config;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        ensureAdmin();
    }

    @Transactional
    void ensureAdmin() {
        AppUser.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY)
                .getSingleResult();
        if (users.hasActiveAdmin()) {
            return;
        }
        if (PrincipalName.findById(ADMIN) != null) {
            LOG.errorf("No active admin exists and the name '%s' is taken: enable an admin in the database", ADMIN);
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            if (Deployment.isProduction()) {
                throw new IllegalStateException("docaxis refuses its first start in the prod profile without "
                        + "DOCAXIS_ADMIN_PASSWORD (the password of the first admin, user 'admin')");
            }
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        try {
            users.create(new UserRequest(ADMIN, password, List.of(Role.ADMIN), List.of(), "Administrator"), Actor.SERVICE);
        } catch (ProblemException e) {
            throw new IllegalStateException("DOCAXIS_ADMIN_PASSWORD is refused: " + e.detail());
        }
        if (generated) {
            // Printed once, now: it is stored only as a bcrypt hash.
            LOG.warnf("Trial mode: created the first admin. User: %s  Password: %s  (shown only this once; "
                    + "set DOCAXIS_ADMIN_PASSWORD to choose it)", ADMIN, password);
        } else {
            LOG.infof("Created the first admin '%s' with the password from DOCAXIS_ADMIN_PASSWORD", ADMIN);
        }
    }
}
