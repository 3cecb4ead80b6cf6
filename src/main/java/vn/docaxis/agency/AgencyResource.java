package vn.docaxis.agency;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.QueryParams;

/** The registry as every authenticated system and person may read it, to address documents. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agency registry")
public class AgencyResource {

    @Inject
    AgencyService agencies;

    @GET
    @Operation(summary = "List agencies: direct children of a parent, by status, by text in name or code")
    public PageView<AgencySummary> list(@QueryParam("parent") String parent, @QueryParam("q") String text,
                                        @QueryParam("status") String status, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        return agencies.listSummaries(new AgencyFilter(parent, QueryParams.enumValue("status", status, AgencyStatus.class),
                text), Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One agency")
    public AgencySummary get(@PathParam("code") String code) {
        return agencies.getSummary(code);
    }
}
