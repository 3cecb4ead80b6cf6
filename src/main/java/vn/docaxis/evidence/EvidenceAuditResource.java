package vn.docaxis.evidence;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.w3c.dom.Document;
import vn.docaxis.agency.AgencyCode;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.QueryParams;
import vn.docaxis.security.RequireRole;
import vn.docaxis.security.Role;

@Path("/api/v1/audit")
@RequireRole({Role.ADMIN, Role.AUDITOR})
/** What auditors (and admins) ask of the evidence as a whole: its integrity, and an offline bundle. */
public class EvidenceAuditResource {

    /** A checkpoint is a few kilobytes; anything much larger is not one. */
    private static final int MAX_CHECKPOINT_BYTES = 64 * 1024;

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditExport export;

    @GET
    @Path("export")
    @Produces("application/zip")
    @Operation(summary = "A ZIP of the evidence of an agency (or every agency) over a period of days, with the covering "
            + "checkpoints, the axis certificate, a SHA-256 manifest and VERIFY.txt (xmlsec1 and sha256sum suffice)")
    public Response export(@QueryParam("agency") String agency, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        ExportPeriod period = exportPeriod(agency, from, to);
        export.prepare();
        StreamingOutput body = out -> export.write(out, period.agency(), period.from(), period.to());
        String name = "docaxis-evidence-" + (period.agency() == null ? "all" : period.agency()) + "-" + period.from()
                + "-" + period.to() + ".zip";
        return Response.ok(body, "application/zip").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** What an export covers: an agency (null for every agency) and the days from–to. */
    public record ExportPeriod(String agency, LocalDate from, LocalDate to) {

        /** The export's query string, normalised. */
        public String query() {
            return (agency == null ? "" : "agency=" + agency + "&") + "from=" + from + "&to=" + to;
        }
    }

    /** Checks an export's parameters; {@link ProblemException} 400 saying which is wrong. */
    public static ExportPeriod exportPeriod(String agency, String from, String to) {
        String code = agency == null || agency.isBlank() ? null : agency.strip();
        if (code != null && !AgencyCode.isValid(code)) {
            throw QueryParams.invalid("agency", "'" + code + "' is not an agency code");
        }
        LocalDate start = required("from", from);
        LocalDate end = required("to", to);
        if (end.isBefore(start)) {
            throw QueryParams.invalid("to", "the period ends before it starts");
        }
        return new ExportPeriod(code, start, end);
    }

    private static LocalDate required(String name, String raw) {
        LocalDate date = QueryParams.date(name, raw);
        if (date == null) {
            throw QueryParams.invalid(name, "required: a day such as 2026-11-23");
        }
        return date;
    }

    @POST
    @Path("verify-chain")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute the evidence chain and report its first broken link; the body may carry a "
            + "checkpoint you kept (its XML), to be checked against the chain too")
    public ChainVerifier.ChainReport verifyChain(byte[] kept) {
        if (kept == null || kept.length == 0) {
            return verifier.verify(List.of());
        }
        if (kept.length > MAX_CHECKPOINT_BYTES) {
            throw new ProblemException(ErrorCode.INVALID_CHECKPOINT, "A checkpoint is smaller than "
                    + MAX_CHECKPOINT_BYTES + " bytes");
        }
        try {
            Document doc = SignedXml.parse(kept);
            if (!"Checkpoint".equals(doc.getDocumentElement().getLocalName())
                    || !EvidenceXml.NS.equals(doc.getDocumentElement().getNamespaceURI())) {
                throw new ProblemException(ErrorCode.INVALID_CHECKPOINT, "The body is XML but not a docaxis checkpoint");
            }
        } catch (SignedXml.CheckFailed e) {
            throw new ProblemException(ErrorCode.INVALID_CHECKPOINT, "The body is " + e.getMessage());
        }
        return verifier.verify(List.of(kept));
    }
}
