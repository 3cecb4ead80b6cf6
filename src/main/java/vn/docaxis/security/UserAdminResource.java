package vn.docaxis.security;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.docaxis.platform.Created;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;

@Path("/api/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users (admin)")
@RequireRole(Role.ADMIN)
public class UserAdminResource {

    @Inject
    UserService users;

    @Inject
    Access access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a person's account (admin, auditor, clerk bound to agencies)")
    public RestResponse<UserView> create(@Valid @NotNull UserRequest request) {
        UserView view = users.create(request, access.actor());
        return Created.at("/api/v1/admin/users/" + view.username(), view);
    }

    @GET
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "List accounts")
    public PageView<UserView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return users.list(Paging.of(page, size));
    }

    @GET
    @Path("{username}")
    @RequireRole({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "One account")
    public UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an account's roles, agencies and display name")
    public UserView update(@PathParam("username") String username, @Valid @NotNull UserUpdate update) {
        return users.update(username, update, access.actor());
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an account's password")
    public RestResponse<Void> password(@PathParam("username") String username, @Valid @NotNull PasswordChange change) {
        users.changePassword(username, change.password(), access.actor());
        return RestResponse.noContent();
    }

    @POST
    @Path("{username}/disable")
    @Operation(summary = "Disable an account")
    public UserView disable(@PathParam("username") String username) {
        return users.setStatus(username, false, access.actor());
    }

    @POST
    @Path("{username}/enable")
    @Operation(summary = "Enable a disabled account")
    public UserView enable(@PathParam("username") String username) {
        return users.setStatus(username, true, access.actor());
    }
}
