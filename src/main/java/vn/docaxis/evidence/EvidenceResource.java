package vn.docaxis.evidence;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import vn.docaxis.agency.AgencyCode;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.QueryParams;
import vn.docaxis.security.RequireRole;
import vn.docaxis.security.Role;

@Path("/api/v1/evidence")
public class EvidenceResource {

    static final String PEM = "application/x-pem-file";
    static final String CRL = "application/pkix-crl";

    @Inject
    EvidenceService evidence;

    @Inject
    AxisKey axisKey;

    @Inject
    Checkpoints checkpoints;

    @GET
    @Path("certificate")
    @Produces(PEM)
    @Operation(summary = "The certificate of the axis key that signs evidence, checkpoints and receipts (PEM)")
    public RestResponse<String> certificate() {
        return RestResponse.ResponseBuilder.ok(Certificates.pem(axisKey.certificate()), PEM)
                .header("Content-Disposition", "attachment; filename=\"axis.pem\"").build();
    }

    @GET
    @Path("crl")
    @Produces(CRL)
    @Operation(summary = "For a self-signed axis certificate: a fresh empty CRL signed by the axis key (DER), so that "
            + "strict verifiers find revocation data for receipts and evidence")
    public RestResponse<byte[]> crl() {
        X509CRL crl = axisKey.selfIssuedCrl(Now.instant()).orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND,
                "The axis certificate is issued by a CA; its revocation data comes from that CA"));
        try {
            return RestResponse.ResponseBuilder.ok(crl.getEncoded(), CRL)
                    .header("Content-Disposition", "attachment; filename=\"axis.crl\"").build();
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "Search sealed evidence, newest first: event, agency involved, package (or the document a "
            + "later package refers to), occurred from/to (ISO days, Vietnam time)")
    public PageView<EvidenceService.EvidenceSummary> search(@QueryParam("event") String event,
                                                            @QueryParam("agency") String agency,
                                                            @QueryParam("package") String packageId,
                                                            @QueryParam("from") String from, @QueryParam("to") String to,
                                                            @QueryParam("page") String page,
                                                            @QueryParam("size") String size) {
        return evidence.search(query(event, agency, packageId, from, to), Paging.of(page, size));
    }

    /** Parses the search criteria the API and the auditor's page share. */
    public static EvidenceService.EvidenceQuery query(String event, String agency, String packageId, String from,
                                                      String to) {
        UUID pkg = null;
        if (packageId != null && !packageId.isBlank()) {
            try {
                pkg = UUID.fromString(packageId.strip());
            } catch (IllegalArgumentException e) {
                throw QueryParams.invalid("package", "'" + packageId + "' is not a package id");
            }
        }
        String code = agency == null || agency.isBlank() ? null : agency.strip();
        if (code != null && !AgencyCode.isValid(code)) {
            throw QueryParams.invalid("agency", "'" + code + "' is not an agency code");
        }
        return new EvidenceService.EvidenceQuery(QueryParams.enumValue("event", event, EvidenceEvent.class), code, pkg,
                QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @Path("{seq}")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "One evidence: its signed XML exactly as sealed (xmlsec1 --verify --trusted-pem axis.pem)")
    public RestResponse<byte[]> one(@PathParam("seq") String seq) {
        long number = number("seq", seq);
        return RestResponse.ResponseBuilder.ok(evidence.xml(number), MediaType.APPLICATION_XML)
                .header("Content-Disposition", "attachment; filename=\"evidence-" + number + ".xml\"").build();
    }

    @GET
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "Signed checkpoints of the chain's head, oldest first")
    public List<CheckpointView> checkpoints() {
        return checkpoints.all().stream().map(CheckpointView::of).toList();
    }

    @POST
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @RequireRole({Role.ADMIN})
    @Operation(summary = "Write a checkpoint now (unless the chain did not grow since the last one)")
    public RestResponse<CheckpointView> checkpointNow() {
        return checkpoints.write().map(c -> RestResponse.status(RestResponse.Status.CREATED, CheckpointView.of(c)))
                .orElseGet(() -> RestResponse.noContent());
    }

    @GET
    @Path("checkpoints/{number}")
    @Produces(MediaType.APPLICATION_XML)
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "One checkpoint's signed XML: keep it, and verify-chain can prove later that nothing before it went")
    public RestResponse<byte[]> checkpoint(@PathParam("number") String number) {
        long n = number("number", number);
        Checkpoints.Checkpoint c = checkpoints.one(n).orElseThrow(
                () -> new ProblemException(ErrorCode.CHECKPOINT_NOT_FOUND, "No checkpoint " + n));
        return RestResponse.ResponseBuilder.ok(c.xml(), MediaType.APPLICATION_XML)
                .header("Content-Disposition", "attachment; filename=\"checkpoint-" + n + ".xml\"").build();
    }

    static long number(String name, String raw) {
        try {
            long n = Long.parseLong(raw);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw QueryParams.invalid(name, "'" + raw + "' is not a positive number");
    }

    public record CheckpointView(long number, Instant createdAt, long lastSequence, String lastHash, long count,
                                 String sha256, Map<String, String> links) {
        static CheckpointView of(Checkpoints.Checkpoint c) {
            return new CheckpointView(c.number(), c.createdAt(), c.lastSequence(), c.lastHash(), c.count(), c.sha256(),
                    Map.of("xml", "/api/v1/evidence/checkpoints/" + c.number()));
        }
    }
}
