package vn.docaxis.signature;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.docaxis.platform.Created;
import vn.docaxis.security.Access;
import vn.docaxis.security.RequireRole;
import vn.docaxis.security.Role;

/** Trust anchors, intermediate certificates and CRLs (PEM or DER bodies). */
@Path("/api/v1/admin/trust")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trust material (admin)")
@RequireRole(Role.ADMIN)
public class TrustResource {

    @Inject
    TrustStore trust;

    @Inject
    Access access;

    @POST
    @Path("anchors")
    @Consumes({"application/x-pem-file", "application/pkix-cert", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Add a trust anchor (a root CA certificate)")
    public RestResponse<TrustEntryView> addAnchor(byte[] body) {
        return created("anchors", trust.addCertificate(TrustStore.Kind.ANCHOR, bytes(body), access.actor(), "API"));
    }

    @GET
    @Path("anchors")
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "Trust anchors, with their validity")
    public List<TrustEntryView> anchors() {
        return trust.certificates(TrustStore.Kind.ANCHOR);
    }

    @DELETE
    @Path("anchors/{fingerprint}")
    @Operation(summary = "Remove a trust anchor")
    public RestResponse<Void> removeAnchor(@PathParam("fingerprint") String fingerprint) {
        trust.removeCertificate(TrustStore.Kind.ANCHOR, fingerprint, access.actor());
        return RestResponse.noContent();
    }

    @POST
    @Path("intermediates")
    @Consumes({"application/x-pem-file", "application/pkix-cert", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Add an intermediate CA certificate")
    public RestResponse<TrustEntryView> addIntermediate(byte[] body) {
        return created("intermediates", trust.addCertificate(TrustStore.Kind.INTERMEDIATE, bytes(body), access.actor(), "API"));
    }

    @GET
    @Path("intermediates")
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "Intermediate CA certificates")
    public List<TrustEntryView> intermediates() {
        return trust.certificates(TrustStore.Kind.INTERMEDIATE);
    }

    @DELETE
    @Path("intermediates/{fingerprint}")
    @Operation(summary = "Remove an intermediate certificate")
    public RestResponse<Void> removeIntermediate(@PathParam("fingerprint") String fingerprint) {
        trust.removeCertificate(TrustStore.Kind.INTERMEDIATE, fingerprint, access.actor());
        return RestResponse.noContent();
    }

    @POST
    @Path("crls")
    @Consumes({"application/x-pem-file", "application/pkix-crl", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Add a CRL; its issuer must be a registered anchor or intermediate")
    public RestResponse<CrlView> addCrl(byte[] body) {
        TrustStore.Added<CrlView> added = trust.addCrl(bytes(body), access.actor(), "API", null);
        return added.created() ? Created.at("/api/v1/admin/trust/crls/" + added.entry().fingerprint(), added.entry())
                : RestResponse.ok(added.entry());
    }

    @GET
    @Path("crls")
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "CRLs with their issuer, thisUpdate and nextUpdate")
    public List<CrlView> crls() {
        return trust.crls();
    }

    @DELETE
    @Path("crls/{fingerprint}")
    @Operation(summary = "Remove a CRL")
    public RestResponse<Void> removeCrl(@PathParam("fingerprint") String fingerprint) {
        trust.removeCrl(fingerprint, access.actor());
        return RestResponse.noContent();
    }

    private static RestResponse<TrustEntryView> created(String kind, TrustStore.Added<TrustEntryView> added) {
        return added.created() ? Created.at("/api/v1/admin/trust/" + kind + "/" + added.entry().fingerprint(), added.entry())
                : RestResponse.ok(added.entry());
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }
}
