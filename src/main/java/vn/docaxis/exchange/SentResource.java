package vn.docaxis.exchange;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.QueryParams;

@Path("/api/v1/sent")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Packages")
public class SentResource {

    @Inject
    TrackingService tracking;

    @GET
    @Operation(summary = "What an agency sent, newest first, and where each copy stands")
    public PageView<PackageSummary> sent(@QueryParam("agency") String agency, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("state") String state,
                                         @QueryParam("page") String page, @QueryParam("size") String size) {
        if (agency == null || agency.isBlank()) {
            throw QueryParams.invalid("agency", "required: the sending agency");
        }
        return tracking.search(new PackageQuery(PackageKind.DOCUMENT, agency.strip(), null, null, null, null,
                QueryParams.date("from", from), QueryParams.date("to", to),
                state == null || state.isBlank() ? null : state.strip().toUpperCase()), Paging.of(page, size));
    }
}
