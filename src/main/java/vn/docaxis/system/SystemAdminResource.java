package vn.docaxis.system;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.security.Access;
import vn.docaxis.security.RequireRole;
import vn.docaxis.security.Role;

@Path("/api/v1/admin/systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connected systems (admin)")
@RequireRole(Role.ADMIN)
public class SystemAdminResource {

    @Inject
    ConnectedSystemService systems;

    @Inject
    Access access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a connected system; the response holds its secret, shown this once")
    public RestResponse<IssuedSecret> create(@Valid @NotNull SystemRequest request) {
        IssuedSecret issued = systems.create(request, access.actor());
        return RestResponse.ResponseBuilder.<IssuedSecret>created(URI.create("/api/v1/admin/systems/" + issued.id()))
                .entity(issued).header("Cache-Control", "no-store").build();
    }

    @GET
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "List connected systems")
    public PageView<SystemView> list(@QueryParam("q") String text, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return systems.list(text, Paging.of(page, size));
    }

    @GET
    @Path("{id}")
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "One connected system (never its secret)")
    public SystemView get(@PathParam("id") String id) {
        return systems.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a system's name and scope")
    public SystemView update(@PathParam("id") String id, @Valid @NotNull SystemUpdate update) {
        return systems.update(id, update, access.actor());
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Issue a new secret, shown this once; the old one stops working at once")
    public RestResponse<IssuedSecret> rotateSecret(@PathParam("id") String id) {
        return RestResponse.ResponseBuilder.ok(systems.rotateSecret(id, access.actor()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a system: its credentials stop working")
    public SystemView disable(@PathParam("id") String id) {
        return systems.setStatus(id, false, access.actor());
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a disabled system again")
    public SystemView enable(@PathParam("id") String id) {
        return systems.setStatus(id, true, access.actor());
    }
}
