package vn.docaxis.exchange;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.edxml.WireCode;
import vn.docaxis.evidence.EvidenceService;
import vn.docaxis.evidence.ReceiptPdf;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.QueryParams;

@Path("/api/v1/packages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Packages")
public class PackageResource {

    @Inject
    SubmissionService submissions;

    @Inject
    TrackingService tracking;

    @Inject
    EvidenceService evidence;

    @Inject
    ReceiptPdf receipts;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Submit an edXML package (document or status, detected); 201 when stored, 200 for a resubmission")
    public RestResponse<SubmissionResult> submit(InputStream body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw QueryParams.invalid("Idempotency-Key", "1 to 200 characters");
        }
        try (SpooledBody spooled = submissions.spool(body)) {
            SubmissionResult result = submissions.submit(spooled, idempotencyKey);
            URI location = URI.create("/api/v1/packages/" + result.packageId());
            return result.replayed()
                    ? RestResponse.ResponseBuilder.ok(result).location(location).header("Docaxis-Replayed", "true").build()
                    : RestResponse.ResponseBuilder.<SubmissionResult>created(location).entity(result).build();
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A package and, per recipient you may see, its copy's state and timeline")
    public PackageDetail get(@PathParam("id") String id) {
        return tracking.detail(uuid(id));
    }

    @GET
    @Path("{id}/verification")
    @Operation(summary = "The signature verification verdict and report kept with the package")
    public Map<String, Object> verification(@PathParam("id") String id) {
        return tracking.verification(uuid(id));
    }

    @GET
    @Path("{id}/evidence")
    @Operation(summary = "The evidence of the package and of the packages referring to it, in chain order, "
            + "as far as you may see it (each links to its signed XML)")
    public List<EvidenceService.EvidenceSummary> evidence(@PathParam("id") String id) {
        return evidence.forPackage(uuid(id));
    }

    @GET
    @Path("{id}/receipt.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A receipt in Vietnamese: the document, its sender and recipients, every event with its time "
            + "and hashes; PAdES-signed by the axis key")
    public RestResponse<byte[]> receipt(@PathParam("id") String id) {
        UUID packageId = uuid(id);
        return RestResponse.ResponseBuilder.ok(receipts.render(packageId), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"bien-nhan-" + packageId + ".pdf\"").build();
    }

    @GET
    @Operation(summary = "Search packages you may see: sender, recipient, number/notation, subject text (q), "
            + "received from/to (ISO days), copy state, kind (edoc, status)")
    public PageView<PackageSummary> search(@QueryParam("sender") String sender, @QueryParam("recipient") String recipient,
                                           @QueryParam("codeNumber") String codeNumber,
                                           @QueryParam("codeNotation") String codeNotation, @QueryParam("q") String text,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("state") String state, @QueryParam("kind") String kind,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        return tracking.search(new PackageQuery(kind(kind), blank(sender), blank(recipient), blank(codeNumber),
                blank(codeNotation), text, QueryParams.date("from", from), QueryParams.date("to", to),
                state == null || state.isBlank() ? null : state.strip().toUpperCase()), Paging.of(page, size));
    }

    static PackageKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return PackageKind.DOCUMENT;
        }
        return WireCode.fromWire(PackageKind.class, raw)
                .orElseThrow(() -> QueryParams.invalid("kind", "'" + raw + "' is not edoc or status"));
    }

    static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw QueryParams.invalid("id", "'" + raw + "' is not an id this API returned");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
