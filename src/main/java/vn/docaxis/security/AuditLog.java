package vn.docaxis.security;

import vn.docaxis.platform.Now;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import vn.docaxis.platform.ErrorCode;

/** Records every admin change and every refusal: who, what, when, from where. */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    Event<AdminChange> changes;

    /** An admin change, written in the transaction that makes it: both commit or neither. */
    @Transactional(TxType.MANDATORY)
    public void change(Actor actor, String action, String targetType, String targetId, Map<String, Object> detail) {
        AuditEvent written = write(actor.name(), actor.kind().name(), action, targetType, targetId, detail);
        changes.fire(new AdminChange(written.occurredAt, actor, action, targetType, targetId, detail));
    }

    private AuditEvent write(String actor, String actorKind, String action, String targetType, String targetId,
                             Map<String, Object> detail) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = Now.instant();
        e.actor = actor;
        e.actorKind = actorKind;
        e.action = action;
        e.targetType = targetType;
        e.targetId = targetId;
        e.outcome = AuditEvent.Outcome.DONE;
        e.detail = detail.isEmpty() ? null : new LinkedHashMap<>(detail);
        e.remoteAddr = remoteAddress();
        e.persist();
        return e;
    }

    /**
     * A refusal, in its own transaction: the refused work rolls back, its record must not. A
     * failure to write (database down) is logged and does not hide the refusal from the caller.
     */
    public void refusal(Refusal refusal) {
        try {
            writeRefusal(refusal);
        } catch (RuntimeException e) {
            LOG.errorf("Could not record refusal %s of %s by %s: %s", refusal.code(), refusal.action(),
                    refusal.actor(), e.getMessage());
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    void writeRefusal(Refusal r) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = Now.instant();
        e.actor = truncate(r.actor(), 64);
        e.actorKind = r.actorKind();
        e.action = r.action();
        e.targetType = r.targetType();
        e.targetId = truncate(r.targetId(), 200);
        e.outcome = AuditEvent.Outcome.REFUSED;
        e.code = r.code().name();
        e.detail = r.detail() == null ? null : Map.of("detail", truncate(r.detail(), 1000));
        e.remoteAddr = truncate(r.remoteAddr() != null ? r.remoteAddr() : remoteAddress(), 64);
        e.persist();
    }

    /** The caller's address when in an HTTP request; null for the service's own work. */
    private String remoteAddress() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext routing = currentRequest.getCurrent();
        if (routing == null || routing.request().remoteAddress() == null) {
            return null;
        }
        return routing.request().remoteAddress().hostAddress();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** What was refused, to whom. {@code actorKind} is SYSTEM, USER or ANONYMOUS. */
    public record Refusal(String actor, String actorKind, String action, String targetType, String targetId,
                          ErrorCode code, String detail, String remoteAddr) {
    }
}
