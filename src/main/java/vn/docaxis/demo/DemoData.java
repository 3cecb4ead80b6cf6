package vn.docaxis.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.logging.Logger;
import vn.docaxis.agency.Agency;
import vn.docaxis.agency.AgencyImport;
import vn.docaxis.agency.AgencyRequest;
import vn.docaxis.platform.Deployment;
import vn.docaxis.security.Actor;
import vn.docaxis.security.Role;
import vn.docaxis.security.UserRequest;
import vn.docaxis.security.UserService;
import vn.docaxis.system.ConnectedSystemService;
import vn.docaxis.system.SystemRequest;

/**
 * Loads {@code samples/agencies.json} (agencies, connected systems with published secrets, users)
 * into an empty registry, so that a newcomer can call the API at once. DEMO ONLY.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    DemoConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    AgencyImport agencies;

    @Inject
    ConnectedSystemService systems;

    @Inject
    UserService users;

    /** The demo file; its secrets and passwords are public, which is why it is refused in production. */
    public record DemoFile(@JsonProperty("_comment") String comment, List<AgencyRequest> agencies,
                           List<DemoSystem> systems, List<UserRequest> users) {
    }

    public record DemoSystem(String id, String name, List<String> agencies, List<String> subtrees, Boolean agencyAdmin,
                             String secret) {
    }

    void onStart(@Observes @Priority(200) StartupEvent event) {
        if (!config.load()) {
            return;
        }
        if (Deployment.isProduction()) {
            throw new IllegalStateException("docaxis.demo.load=true is refused in the prod profile: "
                    + "the demo secrets and passwords are published");
        }
        load();
    }

    @Transactional
    void load() {
        if (Agency.count() > 0) {
            LOG.infof("Demo data not loaded: the agency registry is not empty");
            return;
        }
        DemoFile demo = read();
        agencies.importAll(AgencyImport.fromJson(demo.agencies()), Actor.SERVICE);
        for (DemoSystem s : demo.systems()) {
            systems.createWithSecret(new SystemRequest(s.id(), s.name(), s.agencies(), s.subtrees(), s.agencyAdmin()),
                    s.secret(), Actor.SERVICE);
        }
        for (UserRequest u : demo.users()) {
            if (u.roles().contains(Role.ADMIN)) {
                throw new IllegalStateException("The demo file may not create admins");
            }
            users.create(u, Actor.SERVICE);
        }
        LOG.warnf("DEMO DATA loaded from %s: %d agencies, %d connected systems, %d users. Their secrets are public.",
                config.file(), demo.agencies().size(), demo.systems().size(), demo.users().size());
    }

    private DemoFile read() {
        try {
            return json.readValue(Files.readString(config.file()), DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo data " + config.file().toAbsolutePath(), e);
        }
    }
}
