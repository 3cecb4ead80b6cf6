package vn.docaxis.agency;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.docaxis.platform.Created;
import vn.docaxis.platform.Csv;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.QueryParams;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;
import vn.docaxis.security.RequireRole;
import vn.docaxis.security.Role;

@Path("/api/v1/admin/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agency registry (admin)")
@RequireRole(Role.ADMIN)
public class AgencyAdminResource {

    @Inject
    AgencyService agencies;

    @Inject
    AgencyImport importer;

    @Inject
    Access access;

    @Inject
    CertificateBindings certificates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an agency")
    public RestResponse<AgencyView> create(@Valid @NotNull AgencyRequest request) {
        Actor actor = access.actor();
        AgencyView view = agencies.create(request, actor);
        return Created.at("/api/v1/agencies/" + view.code(), view);
    }

    @GET
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "List agencies with every detail (admins, auditors)")
    public PageView<AgencyView> list(@QueryParam("parent") String parent, @QueryParam("q") String text,
                                     @QueryParam("status") String status, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return agencies.listViews(new AgencyFilter(parent, QueryParams.enumValue("status", status, AgencyStatus.class), text),
                Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "One agency with every detail (admins, auditors)")
    public AgencyView get(@PathParam("code") String code) {
        return agencies.get(code);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an agency's details")
    public AgencyView update(@PathParam("code") String code, @Valid @NotNull AgencyUpdate update) {
        Actor actor = access.actor();
        return agencies.update(code, update, actor);
    }

    @POST
    @Path("{code}/suspend")
    @Operation(summary = "Suspend an agency: it stays registered but no longer receives")
    public AgencyView suspend(@PathParam("code") String code) {
        Actor actor = access.actor();
        return agencies.setStatus(code, AgencyStatus.SUSPENDED, actor);
    }

    @POST
    @Path("{code}/activate")
    @Operation(summary = "Reactivate a suspended agency")
    public AgencyView activate(@PathParam("code") String code) {
        Actor actor = access.actor();
        return agencies.setStatus(code, AgencyStatus.ACTIVE, actor);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or update many agencies from a JSON array, all or nothing")
    public AgencyImport.Result importJson(@NotNull List<AgencyRequest> requests) {
        Actor actor = access.actor();
        return importer.importAll(AgencyImport.fromJson(requests), actor);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Register or update many agencies from CSV (UTF-8, header: code,name,parentCode,qd20Code,email,phone), all or nothing")
    public AgencyImport.Result importCsv(byte[] csv) {
        Actor actor = access.actor();
        return importer.importAll(AgencyImport.fromCsv(Csv.decodeUtf8(csv == null ? new byte[0] : csv)), actor);
    }

    @POST
    @Path("{code}/certificates")
    @Consumes({"application/x-pem-file", "application/pkix-cert", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Bind a signing certificate (PEM or DER) to the agency by its SHA-256 fingerprint")
    public RestResponse<CertificateBinding> bindCertificate(@PathParam("code") String code, byte[] body) {
        CertificateBindings.Bound bound = certificates.bind(code, body == null ? new byte[0] : body, access.actor());
        return bound.created()
                ? Created.at("/api/v1/admin/agencies/" + code + "/certificates/" + bound.binding().fingerprint(), bound.binding())
                : RestResponse.ok(bound.binding());
    }

    @GET
    @Path("{code}/certificates")
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "The signing certificates bound to the agency")
    public List<CertificateBinding> certificates(@PathParam("code") String code) {
        return certificates.of(code);
    }

    @DELETE
    @Path("{code}/certificates/{fingerprint}")
    @Operation(summary = "Unbind a certificate from the agency")
    public RestResponse<Void> unbindCertificate(@PathParam("code") String code, @PathParam("fingerprint") String fingerprint) {
        certificates.unbind(code, fingerprint, access.actor());
        return RestResponse.noContent();
    }
}
