package vn.docaxis.security;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.QueryParams;

/** The audit trail of admin changes and refusals, newest first, for admins and auditors. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
@RequireRole({Role.ADMIN, Role.AUDITOR})
public class AuditResource {

    public record Entry(long id, Instant occurredAt, String actor, String actorKind, String action, String targetType,
                        String targetId, AuditEvent.Outcome outcome, String code, Map<String, Object> detail,
                        String remoteAddr) {
    }

    @GET
    @Operation(summary = "Search the audit trail: by actor, action, outcome (DONE, REFUSED), dates from/to (ISO, inclusive)")
    public PageView<Entry> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("page") String page,
                                  @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (actor != null && !actor.isBlank()) {
            q.append(" and actor = :actor");
            p.and("actor", actor);
        }
        if (action != null && !action.isBlank()) {
            q.append(" and action = :action");
            p.and("action", action);
        }
        AuditEvent.Outcome o = QueryParams.enumValue("outcome", outcome, AuditEvent.Outcome.class);
        if (o != null) {
            q.append(" and outcome = :outcome");
            p.and("outcome", o);
        }
        LocalDate fromDay = QueryParams.date("from", from);
        if (fromDay != null) {
            q.append(" and occurredAt >= :from");
            p.and("from", fromDay.atStartOfDay(Now.VIETNAM).toInstant());
        }
        LocalDate toDay = QueryParams.date("to", to);
        if (toDay != null) {
            q.append(" and occurredAt < :to");
            p.and("to", toDay.plusDays(1).atStartOfDay(Now.VIETNAM).toInstant());
        }
        var query = AuditEvent.<AuditEvent>find(q.toString(), Sort.descending("id"), p).page(Page.of(paging.page(), paging.size()));
        return new PageView<>(query.list().stream().map(e -> new Entry(e.id, e.occurredAt, e.actor, e.actorKind, e.action,
                e.targetType, e.targetId, e.outcome, e.code, e.detail, e.remoteAddr)).toList(),
                paging.page(), paging.size(), query.count());
    }
}
