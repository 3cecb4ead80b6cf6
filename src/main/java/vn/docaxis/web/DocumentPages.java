package vn.docaxis.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.evidence.EvidenceService;
import vn.docaxis.exchange.PackageDetail;
import vn.docaxis.exchange.PackageQuery;
import vn.docaxis.exchange.PackageSummary;
import vn.docaxis.exchange.TrackingService;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.QueryParams;
import vn.docaxis.signature.VerificationReport;

/**
 * The clerk's pages: find a document, then read its fate — who received it, what they answered,
 * whether its signatures hold — and take away the receipt and the evidence. Everyone signed in
 * may search; each sees only what the API would show them.
 */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    static final int PAGE_SIZE = 20;
    static final List<String> STATES = List.of("PENDING", "DELIVERED", "FAILED", "OVERDUE", "REFUSED", "RECALL_REQUESTED",
            "RECALLED");

    @Inject
    PageContext pages;

    @Inject
    TrackingService tracking;

    @Inject
    EvidenceService evidence;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(hidden = true)
    public Response search(@QueryParam("q") String text, @QueryParam("codeNumber") String codeNumber,
                           @QueryParam("codeNotation") String codeNotation, @QueryParam("sender") String sender,
                           @QueryParam("recipient") String recipient, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("state") String state,
                           @QueryParam("page") String page) {
        pages.require("pages.documents");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("q", Forms.value(text));
        form.put("codeNumber", Forms.value(codeNumber));
        form.put("codeNotation", Forms.value(codeNotation));
        form.put("sender", Forms.value(sender));
        form.put("recipient", Forms.value(recipient));
        form.put("from", Forms.value(from));
        form.put("to", Forms.value(to));
        form.put("state", Forms.value(state));
        PageView<PackageSummary> result = null;
        String problem = null;
        try {
            PackageQuery query = new PackageQuery(PackageKind.DOCUMENT, Forms.blank(sender), Forms.blank(recipient),
                    Forms.blank(codeNumber), Forms.blank(codeNotation), Forms.blank(text),
                    QueryParams.date("from", Forms.blank(from)), QueryParams.date("to", Forms.blank(to)), Forms.blank(state));
            result = tracking.search(query, Paging.of(page, Integer.toString(PAGE_SIZE)));
        } catch (ProblemException e) {
            if (e.code().status() != 400) {
                throw e;
            }
            problem = e.detail();
        }
        return pages.ok(pages.page("documents").data("form", form).data("states", STATES).data("result", result)
                .data("problem", problem).data("query", Forms.query(form))
                .data("prev", Forms.previous(result)).data("next", Forms.next(result)));
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response document(@PathParam("id") String id) {
        pages.require("pages.document");
        UUID packageId = uuid(id);
        PackageDetail detail = tracking.detail(packageId);
        VerificationReport report = report(tracking.verification(packageId).get("report"));
        List<EvidenceService.EvidenceSummary> evidences = evidence.forPackage(packageId);
        return pages.ok(pages.page("document").data("d", detail).data("report", report).data("evidences", evidences));
    }

    private VerificationReport report(Object node) {
        if (!(node instanceof JsonNode tree) || tree.isNull()) {
            return null;
        }
        try {
            // a stored report may carry fields this version does not read (e.g. derived flags)
            return json.readerFor(VerificationReport.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        } catch (IOException e) {
            throw new IllegalStateException("A stored verification report is unreadable", e);
        }
    }

    static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ErrorCode.PACKAGE_NOT_FOUND, "No document " + raw);
        }
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return pages.error(e);
    }
}
