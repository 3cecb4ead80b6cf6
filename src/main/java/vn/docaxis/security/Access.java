package vn.docaxis.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;

/**
 * The authorization rules, in one place. Every check either returns or records the refusal in
 * the audit log and throws the problem to answer.
 *
 * <ul>
 * <li>Every API call needs an authenticated caller.</li>
 * <li>Only admins manage agencies, systems, users and trust material.</li>
 * <li>Admins and auditors read everything; auditors change nothing.</li>
 * <li>A connected system acts only for the agencies in its scope.</li>
 * <li>A clerk sees only the agencies it is bound to.</li>
 * </ul>
 */
@RequestScoped
public class Access {

    public static final String ACTOR_ATTRIBUTE = "docaxis.actor";

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditLog audit;

    @Inject
    AgencyDirectory agencies;

    @Inject
    RoutingContext routing;

    private Actor authenticatedElsewhere;

    /**
     * For protocols that authenticate a caller by their own means (VDXP's HMAC): from now on in
     * this request, that actor is the caller, under exactly the same rules.
     */
    public void actAs(Actor actor) {
        this.authenticatedElsewhere = actor;
    }

    /** The authenticated caller of this request. */
    public Actor actor() {
        return authenticated("request");
    }

    /** The authenticated caller; an anonymous one is refused with UNAUTHENTICATED. */
    public Actor authenticated(String action) {
        if (authenticatedElsewhere != null) {
            return authenticatedElsewhere;
        }
        Actor actor = identity.isAnonymous() ? null : identity.getAttribute(ACTOR_ATTRIBUTE);
        if (actor == null) {
            throw refuse(null, action, "path", path(), ErrorCode.UNAUTHENTICATED,
                    "Send HTTP Basic credentials: a system id and its secret, or a user name and password");
        }
        return actor;
    }

    public void requireRole(Actor actor, Role[] anyOf, String action) {
        for (Role role : anyOf) {
            if (actor.has(role)) {
                return;
            }
        }
        throw refuse(actor, action, "path", path(), ErrorCode.NOT_AUTHORIZED, "This needs the role "
                + Arrays.stream(anyOf).map(Role::wire).collect(Collectors.joining(" or ")));
    }

    /** A connected system acting (sending, fetching, acknowledging) for an agency in its scope. */
    public Actor requireActFor(String agencyCode, String action) {
        Actor actor = authenticated(action);
        if (actor.kind() != Actor.Kind.SYSTEM) {
            throw refuse(actor, action, "agency", agencyCode, ErrorCode.NOT_AUTHORIZED,
                    "Only a connected system exchanges packages");
        }
        if (!actor.covers(agencies.lineage(agencyCode))) {
            throw refuse(actor, action, "agency", agencyCode, ErrorCode.NOT_AUTHORIZED_FOR_AGENCY,
                    "System " + actor.name() + " does not act for agency " + agencyCode);
        }
        return actor;
    }

    /** Whether the actor may see an agency's records: it acts for it, is bound to it, or reads everything. */
    public boolean sees(Actor actor, String agencyCode) {
        return actor.readsEverything() || actor.covers(agencies.lineage(agencyCode));
    }

    /** Like {@link #sees} but refusing. */
    public void requireSees(Actor actor, String agencyCode, String action) {
        if (!sees(actor, agencyCode)) {
            throw refuse(actor, action, "agency", agencyCode, ErrorCode.NOT_AUTHORIZED_FOR_AGENCY,
                    actor.name() + " may not see the records of agency " + agencyCode);
        }
    }

    /** Records a refusal and returns the problem to throw. */
    public ProblemException refuse(Actor actor, String action, String targetType, String targetId, ErrorCode code,
                                   String detail) {
        audit.refusal(new AuditLog.Refusal(actor == null ? null : actor.name(),
                actor == null ? "ANONYMOUS" : actor.kind().name(), action, targetType, targetId, code, detail, null));
        return new ProblemException(code, detail, "agency".equals(targetType) && targetId != null
                ? Map.of("agencyCode", targetId) : Map.of());
    }

    private String path() {
        try {
            return routing.normalizedPath();
        } catch (RuntimeException e) {
            return null; // not in an HTTP request
        }
    }
}
