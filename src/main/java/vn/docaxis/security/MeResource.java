package vn.docaxis.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the credentials belong to, and for which agencies they act: the first call of an integration. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

    @Inject
    Access access;

    public record Me(String name, Actor.Kind kind, List<Role> roles, List<String> agencies, List<String> subtrees,
                     boolean agencyAdmin) {
    }

    @GET
    @Operation(summary = "The authenticated caller, its roles and its agency scope")
    public Me me() {
        Actor a = access.actor();
        return new Me(a.name(), a.kind(), a.roles().stream().sorted().toList(), a.agencies().stream().sorted().toList(),
                a.subtrees().stream().sorted().toList(), a.agencyAdmin());
    }
}
