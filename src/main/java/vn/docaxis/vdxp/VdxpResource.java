package vn.docaxis.vdxp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.docaxis.platform.ProblemException;

/**
 * The VDXP-compatible endpoint: the calls of the national axis's client SDK, translated onto the
 * same services as {@code /api/v1}. Every answer is HTTP 200 JSON with {@code status} OK or FAIL.
 */
@Path("/vdxp")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "VDXP", description = "For document-management software built on the national axis SDK")
public class VdxpResource {

    private static final Logger LOG = Logger.getLogger(VdxpResource.class);

    @Inject
    VdxpAuthenticator authenticator;

    @Inject
    VdxpCalls calls;

    @Inject
    ObjectMapper json;

    @Context
    HttpHeaders headers;

    @POST
    @Path("sendEdoc")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a document or status package (raw edXML body, optionally followed by CRLF)")
    public Map<String, Object> sendEdoc(InputStream body) {
        VdxpRequest request = authenticated("sendEdoc");
        return calls.send(request, body);
    }

    @POST
    @Path("sendEdoc")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Send a package as the multipart part file_doc")
    public Map<String, Object> sendEdocMultipart(@RestForm("file_doc") FileUpload file) {
        VdxpRequest request = authenticated("sendEdoc");
        if (file == null) {
            throw new VdxpException(VdxpError.INVALID_PARAMETER, "The multipart body has no part file_doc");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return calls.send(request, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("getReceivedEdocList")
    @Operation(summary = "Packages waiting for the system's agencies")
    public Map<String, Object> getReceivedEdocList() {
        return calls.receivedList(authenticated("getReceivedEdocList"));
    }

    @POST
    @Path("getEdoc")
    @Operation(summary = "One waiting package, base64 in data")
    public Response getEdoc() {
        VdxpCalls.Download download = calls.download(authenticated("getEdoc"));
        // streamed: a package of 100 MB must not become 133 MB of base64 in the heap
        StreamingOutput body = out -> {
            out.write("{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"\",\"data\":\""
                    .getBytes(StandardCharsets.US_ASCII));
            try (OutputStream base64 = Base64.getEncoder().wrap(new FilterOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush(); // the JSON continues after the base64
                }
            })) {
                download.writeTo(base64);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("downloadEdoc")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "One waiting package as a file stream")
    public Response downloadEdoc() {
        VdxpCalls.Download download = calls.download(authenticated("downloadEdoc"));
        StreamingOutput body = download::writeTo;
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + download.deliveryId() + ".edxml\"").build();
    }

    @POST
    @Path("updateStatus")
    @Operation(summary = "done removes the package from the waiting list, fail leaves it, processing changes nothing")
    public Map<String, Object> updateStatus() {
        return calls.updateStatus(authenticated("updateStatus"));
    }

    @POST
    @Path("getSentEdocList")
    @Operation(summary = "What the system's agencies sent, one row per recipient")
    public Map<String, Object> getSentEdocList() {
        return calls.sentList(authenticated("getSentEdocList"));
    }

    @GET
    @Path("countReceiveEdoc")
    @Operation(summary = "How many documents wait")
    public Map<String, Object> countReceiveEdoc() {
        return calls.count(authenticated("countReceiveEdoc"), "edoc");
    }

    @GET
    @Path("countReceiveStatus")
    @Operation(summary = "How many statuses wait")
    public Map<String, Object> countReceiveStatus() {
        return calls.count(authenticated("countReceiveStatus"), "status");
    }

    @POST
    @Path("getAgenciesList")
    @Operation(summary = "The agency registry")
    public Map<String, Object> getAgenciesList() {
        authenticated("getAgenciesList");
        return calls.agencies(VdxpCalls.AgencyListing.QCVN102);
    }

    @POST
    @Path("getAgenciesListQD20")
    @Operation(summary = "The agency registry with Decision 20/2020 codes")
    public Map<String, Object> getAgenciesListQd20() {
        authenticated("getAgenciesListQD20");
        return calls.agencies(VdxpCalls.AgencyListing.QD20);
    }

    @POST
    @Path("getSynchronizeUnit")
    @Operation(summary = "The agency registry for synchronisation, suspended agencies marked deleted")
    public Map<String, Object> getSynchronizeUnit() {
        authenticated("getSynchronizeUnit");
        return calls.agencies(VdxpCalls.AgencyListing.SYNCHRONIZE);
    }

    @POST
    @Path("registerAgency")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Register an agency (systems with the agency-admin grant)")
    public Map<String, Object> registerAgency(byte[] body) {
        VdxpRequest request = authenticated("registerAgency");
        JsonNode agency;
        try {
            agency = json.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new VdxpException(VdxpError.INVALID_PARAMETER, "The body is not JSON");
        }
        if (agency == null || !agency.isObject()) {
            throw new VdxpException(VdxpError.INVALID_PARAMETER, "The body must be a JSON object {id, pcode, code, name, mail, mobile, fax}");
        }
        return calls.registerAgency(request, agency);
    }

    @POST
    @Path("deleteAgency")
    @Operation(summary = "Suspend an agency (systems with the agency-admin grant); it stays registered")
    public Map<String, Object> deleteAgency() {
        return calls.deleteAgency(authenticated("deleteAgency"));
    }

    private VdxpRequest authenticated(String call) {
        VdxpRequest request = new VdxpRequest(headers);
        authenticator.authenticate(request, call);
        return request;
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> refused(VdxpException e) {
        return RestResponse.ok(VdxpCalls.fail(e.error(), e.getMessage()), MediaType.APPLICATION_JSON_TYPE);
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> refusedBehind(ProblemException e) {
        VdxpError error = VdxpError.of(e.code());
        return RestResponse.ok(VdxpCalls.fail(error, e.code().name() + ": " + e.detail()), MediaType.APPLICATION_JSON_TYPE);
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> failed(RuntimeException e) {
        LOG.error("VDXP call failed", e);
        Map<String, Object> body = new LinkedHashMap<>(VdxpCalls.fail(VdxpError.INTERNAL_ERROR, "Internal error"));
        return RestResponse.ok(body, MediaType.APPLICATION_JSON_TYPE);
    }
}
