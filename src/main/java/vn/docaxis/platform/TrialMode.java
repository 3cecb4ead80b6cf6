package vn.docaxis.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says loudly when the service runs on its embedded database, and stops that database last. */
@ApplicationScoped
public class TrialMode {

    private static final Logger LOG = Logger.getLogger(TrialMode.class);

    @ConfigProperty(name = DatasourceConfigSourceFactory.EMBEDDED_ACTIVE, defaultValue = "false")
    boolean embedded;

    public boolean isEmbeddedDatabase() {
        return embedded;
    }

    void onStart(@Observes StartupEvent event) {
        if (embedded) {
            LOG.warn("********************************************************************************");
            LOG.warn("* TRIAL MODE: docaxis runs on its embedded PostgreSQL. Do not use in production:");
            LOG.warn("* set DOCAXIS_DB_URL / DOCAXIS_DB_USER / DOCAXIS_DB_PASSWORD for a real server.");
            LOG.warn("********************************************************************************");
        }
    }

    void onStop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) ShutdownEvent event) {
        if (embedded) {
            DatasourceConfigSourceFactory.stopEmbedded();
        }
    }
}
