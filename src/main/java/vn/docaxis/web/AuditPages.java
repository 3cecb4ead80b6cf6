package vn.docaxis.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.docaxis.evidence.ChainVerifier;
import vn.docaxis.evidence.Checkpoints;
import vn.docaxis.evidence.EvidenceAuditResource;
import vn.docaxis.evidence.EvidenceEvent;
import vn.docaxis.evidence.EvidenceResource;
import vn.docaxis.evidence.EvidenceService;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Role;

/**
 * The auditor's pages: search the evidence, check the chain, take away an export bundle. The
 * downloads are the API's own ({@code /api/v1/evidence/…}, {@code /api/v1/audit/export}), which
 * the session cookie authenticates under the same rules.
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    static final int PAGE_SIZE = 50;

    @Inject
    PageContext pages;

    @Inject
    EvidenceService evidence;

    @Inject
    ChainVerifier verifier;

    @Inject
    Checkpoints checkpoints;

    @GET
    @Operation(hidden = true)
    public Response audit(@QueryParam("event") String event, @QueryParam("agency") String agency,
                          @QueryParam("package") String packageId, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("page") String page) {
        pages.require("pages.audit", Role.ADMIN, Role.AUDITOR);
        return pages.ok(auditPage(event, agency, packageId, from, to, page));
    }

    /**
     * The export form's target: a valid period goes on to the API's download; a wrong one comes
     * back to the page with the form as filled in and the reason, instead of a problem document.
     */
    @GET
    @Path("export")
    @Operation(hidden = true)
    public Response export(@QueryParam("agency") String agency, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        pages.require("pages.audit.export", Role.ADMIN, Role.AUDITOR);
        try {
            EvidenceAuditResource.ExportPeriod period = EvidenceAuditResource.exportPeriod(agency, from, to);
            return Response.seeOther(URI.create("/api/v1/audit/export?" + period.query())).build();
        } catch (ProblemException e) { // a wrong period (400): the form comes back with its reason
            Map<String, String> exportForm = Map.of("agency", Forms.value(agency), "from", Forms.value(from),
                    "to", Forms.value(to));
            return pages.answer(e, auditPage(null, null, null, null, null, null).data("exportForm", exportForm)
                    .data("exportProblem", e.detail()));
        }
    }

    private TemplateInstance auditPage(String event, String agency, String packageId, String from, String to,
                                       String page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", Forms.value(event));
        form.put("agency", Forms.value(agency));
        form.put("package", Forms.value(packageId));
        form.put("from", Forms.value(from));
        form.put("to", Forms.value(to));
        PageView<EvidenceService.EvidenceSummary> result = null;
        String problem = null;
        try {
            result = evidence.search(EvidenceResource.query(event, agency, packageId, from, to),
                    Paging.of(page, Integer.toString(PAGE_SIZE)));
        } catch (ProblemException e) {
            if (e.code().status() != 400) {
                throw e;
            }
            problem = e.detail();
        }
        return pages.page("audit").data("form", form).data("result", result).data("problem", problem)
                .data("events", Arrays.stream(EvidenceEvent.values()).map(Enum::name).toList())
                .data("query", Forms.query(form))
                .data("prev", Forms.previous(result)).data("next", Forms.next(result))
                .data("checkpoints", recent(checkpoints.all()))
                .data("exportForm", Map.of("agency", "", "from", "", "to", "")).data("exportProblem", null);
    }

    /** Recomputes the whole chain now (every link and signature) and shows the first broken link, if any. */
    @GET
    @Path("chain")
    @Operation(hidden = true)
    public Response chain() {
        pages.require("pages.audit.chain", Role.ADMIN, Role.AUDITOR);
        ChainVerifier.ChainReport report = verifier.verify(List.of());
        return pages.ok(pages.page("chain").data("report", report).data("checkpoints", recent(checkpoints.all())));
    }

    private static List<Checkpoints.Checkpoint> recent(List<Checkpoints.Checkpoint> all) {
        List<Checkpoints.Checkpoint> newestFirst = new java.util.ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(10, newestFirst.size()));
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return pages.error(e);
    }
}
