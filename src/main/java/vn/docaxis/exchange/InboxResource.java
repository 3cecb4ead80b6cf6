package vn.docaxis.exchange;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inbox")
@Tag(name = "Inbox")
public class InboxResource {

    @Inject
    InboxService inbox;

    @Inject
    BlobStore blobs;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliveries waiting for your agencies (or one of them), oldest first; kind edoc (default) or status")
    public InboxPage list(@QueryParam("kind") String kind, @QueryParam("agency") String agency,
                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return inbox.list(PackageResource.kind(kind), PackageResource.blank(agency), limit, cursor);
    }

    @GET
    @Path("{deliveryId}")
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The package exactly as the sender sent it; Repr-Digest carries its SHA-256")
    public Response fetch(@PathParam("deliveryId") String deliveryId) {
        InboxService.Fetch f = inbox.fetch(PackageResource.uuid(deliveryId));
        StreamingOutput bytes = out -> blobs.copyTo(f.blobId(), out);
        byte[] sha = HexFormat.of().parseHex(f.sha256());
        return Response.ok(bytes, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Length", f.size())
                .header("ETag", "\"" + f.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha) + ":")
                .header("Docaxis-Delivery-Id", f.deliveryId())
                .header("Docaxis-Package-Id", f.packageId())
                .header("Docaxis-Kind", f.kind().wire())
                .header("Docaxis-Sender", f.sender())
                .header("Docaxis-Recipient", f.recipient())
                // DocumentIds hold Vietnamese letters; header values are ASCII, so percent-encoded UTF-8
                .header("Docaxis-Document-Id", URLEncoder.encode(f.documentId(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @POST
    @Path("{deliveryId}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge a delivery: done (transport complete) or fail (offered again, up to a limit)")
    public AckResult ack(@PathParam("deliveryId") String deliveryId, @Valid @NotNull AckRequest ack) {
        return inbox.acknowledge(PackageResource.uuid(deliveryId), ack);
    }
}
