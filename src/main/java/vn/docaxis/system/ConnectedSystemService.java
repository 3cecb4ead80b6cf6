package vn.docaxis.system;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.SecretBox;
import vn.docaxis.security.Actor;
import vn.docaxis.security.AgencyDirectory;
import vn.docaxis.security.AuditLog;
import vn.docaxis.security.CredentialCache;
import vn.docaxis.security.CredentialVerifier;
import vn.docaxis.security.PrincipalName;
import vn.docaxis.security.Role;

/**
 * Connected systems and their secrets. A secret is shown once, when issued; the axis keeps it
 * sealed under the master key because the VDXP protocol needs the raw secret to check HMACs.
 */
@ApplicationScoped
public class ConnectedSystemService implements CredentialVerifier {

    static final String ACTIVE = "ACTIVE";
    static final String DISABLED = "DISABLED";
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Inject
    SecretBox secretBox;

    @Inject
    AuditLog audit;

    @Inject
    AgencyDirectory agencies;

    @Inject
    CredentialCache credentials;

    @Transactional
    public IssuedSecret create(SystemRequest request, Actor actor) {
        return create(request, newSecret(), actor);
    }

    /** Creates a system with a given secret: demo data only, whose secrets are published. */
    @Transactional
    public IssuedSecret createWithSecret(SystemRequest request, String secret, Actor actor) {
        return create(request, secret, actor);
    }

    @Transactional
    public SystemView update(String id, SystemUpdate update, Actor actor) {
        ConnectedSystem system = require(id);
        system.name = update.name().strip();
        system.agencies = checkedCodes(update.agencies(), "agencies");
        system.subtrees = checkedCodes(update.subtrees(), "subtrees");
        system.agencyAdmin = Boolean.TRUE.equals(update.agencyAdmin());
        system.updatedAt = Now.instant();
        credentials.forget(id);
        audit.change(actor, "system.update", "system", id, describe(system));
        return SystemView.of(system);
    }

    @Transactional
    public IssuedSecret rotateSecret(String id, Actor actor) {
        ConnectedSystem system = require(id);
        String secret = newSecret();
        system.secretSealed = seal(system.id, secret);
        system.secretRotatedAt = Now.instant();
        system.updatedAt = system.secretRotatedAt;
        credentials.forget(id);
        audit.change(actor, "system.rotate-secret", "system", id, Map.of());
        return new IssuedSecret(id, secret);
    }

    @Transactional
    public SystemView setStatus(String id, boolean active, Actor actor) {
        ConnectedSystem system = require(id);
        String status = active ? ACTIVE : DISABLED;
        if (!status.equals(system.status)) {
            system.status = status;
            system.updatedAt = Now.instant();
            credentials.forget(id);
            audit.change(actor, active ? "system.enable" : "system.disable", "system", id, Map.of());
        }
        return SystemView.of(system);
    }

    public SystemView get(String id) {
        return SystemView.of(require(id));
    }

    /** Systems by id; {@code text}, when given, must occur in the id or the name (any case). */
    public PageView<SystemView> list(String text, Paging paging) {
        var query = (text == null || text.isBlank() ? ConnectedSystem.<ConnectedSystem>findAll(Sort.by("id"))
                : ConnectedSystem.<ConnectedSystem>find("lower(id) like ?1 or lower(name) like ?1", Sort.by("id"),
                        "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "\\_") + "%"))
                .page(paging.page(), paging.size());
        return new PageView<>(query.list().stream().map(SystemView::of).toList(), paging.page(), paging.size(), query.count());
    }

    /**
     * Refuses to start with a master key that cannot open the secrets already sealed in the
     * database (a key from another installation, a typo): otherwise every system would be turned
     * away at every call, and nothing would say why.
     */
    void checkMasterKey(@Observes @Priority(90) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> ConnectedSystem.<ConnectedSystem>findAll(Sort.by("id")).firstResultOptional()
                .ifPresent(s -> {
                    try {
                        Arrays.fill(secretBox.open(s.secretSealed, context(s.id)), (byte) 0);
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("docaxis refuses to start: the master key (DOCAXIS_MASTER_KEY, or "
                                + "data/master.key in a trial) does not open the secrets sealed in this database, "
                                + "e.g. that of system " + s.id + "; start with the key this database was used with");
                    }
                }));
    }

    /**
     * The raw secret, for protocols that must recompute a MAC with it (VDXP). Never returned to
     * any caller; empty when the system is unknown or disabled.
     */
    public Optional<byte[]> activeSecret(String id) {
        return ConnectedSystem.<ConnectedSystem>findByIdOptional(id).filter(s -> ACTIVE.equals(s.status))
                .map(s -> secretBox.open(s.secretSealed, context(s.id)));
    }

    /** The actor of an active system, for callers that authenticated it by other means (VDXP HMAC). */
    public Optional<Actor> activeActor(String id) {
        return ConnectedSystem.<ConnectedSystem>findByIdOptional(id).filter(s -> ACTIVE.equals(s.status))
                .map(ConnectedSystemService::actorOf);
    }

    @Override
    public Actor.Kind kind() {
        return Actor.Kind.SYSTEM;
    }

    @Override
    public Verdict verify(String name, char[] secret) {
        ConnectedSystem system = ConnectedSystem.findById(name);
        if (system == null) {
            return Verdict.refused("unknown system");
        }
        byte[] expected = secretBox.open(system.secretSealed, context(system.id));
        byte[] presented = utf8(secret);
        boolean matches = MessageDigest.isEqual(expected, presented);
        Arrays.fill(expected, (byte) 0);
        Arrays.fill(presented, (byte) 0);
        if (!matches) {
            return Verdict.refused("wrong secret");
        }
        if (!ACTIVE.equals(system.status)) {
            return Verdict.refused("system disabled");
        }
        return Verdict.accepted(actorOf(system));
    }

    /** Systems authenticate every call with their secret; they never hold a login session. */
    @Override
    public Verdict resume(String name) {
        return Verdict.refused("connected systems have no login session");
    }

    private IssuedSecret create(SystemRequest request, String secret, Actor actor) {
        PrincipalName.claim(request.id(), Actor.Kind.SYSTEM);
        ConnectedSystem system = new ConnectedSystem();
        system.id = request.id();
        system.name = request.name().strip();
        system.status = ACTIVE;
        system.agencies = checkedCodes(request.agencies(), "agencies");
        system.subtrees = checkedCodes(request.subtrees(), "subtrees");
        system.agencyAdmin = Boolean.TRUE.equals(request.agencyAdmin());
        system.secretSealed = seal(system.id, secret);
        system.createdAt = Now.instant();
        system.secretRotatedAt = system.createdAt;
        system.updatedAt = system.createdAt;
        system.persist();
        audit.change(actor, "system.create", "system", system.id, describe(system));
        return new IssuedSecret(system.id, secret);
    }

    private static Actor actorOf(ConnectedSystem s) {
        return new Actor(s.id, Actor.Kind.SYSTEM, Set.of(Role.SYSTEM), Set.of(s.agencies), Set.of(s.subtrees),
                s.agencyAdmin);
    }

    private String[] checkedCodes(List<String> codes, String field) {
        if (codes == null) {
            return new String[0];
        }
        List<String> distinct = codes.stream().map(String::strip).distinct().sorted().toList();
        for (String code : distinct) {
            if (!agencies.isRegistered(code)) {
                throw new ProblemException(ErrorCode.UNKNOWN_AGENCY, "Agency " + code + " in " + field + " is not registered",
                        Map.of("agencyCode", code, "field", field));
            }
        }
        return distinct.toArray(String[]::new);
    }

    private byte[] seal(String id, String secret) {
        return secretBox.seal(secret.getBytes(StandardCharsets.UTF_8), context(id));
    }

    private static String context(String id) {
        return "connected-system:" + id;
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private ConnectedSystem require(String id) {
        return ConnectedSystem.<ConnectedSystem>findByIdOptional(id).orElseThrow(() -> new ProblemException(
                ErrorCode.SYSTEM_NOT_FOUND, "No connected system " + id, Map.of("systemId", String.valueOf(id))));
    }

    private static Map<String, Object> describe(ConnectedSystem s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", s.name);
        d.put("agencies", List.of(s.agencies));
        d.put("subtrees", List.of(s.subtrees));
        d.put("agencyAdmin", s.agencyAdmin);
        return d;
    }
}
