package vn.docaxis.web;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.docaxis.agency.AgencyFilter;
import vn.docaxis.agency.AgencyImport;
import vn.docaxis.agency.AgencyRequest;
import vn.docaxis.agency.AgencyService;
import vn.docaxis.agency.AgencyStatus;
import vn.docaxis.platform.Csv;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.QueryParams;
import vn.docaxis.security.Actor;
import vn.docaxis.security.Role;
import vn.docaxis.signature.TrustStore;
import vn.docaxis.system.ConnectedSystemService;
import vn.docaxis.system.IssuedSecret;
import vn.docaxis.system.SystemRequest;
import vn.docaxis.system.SystemUpdate;
import vn.docaxis.system.SystemView;

/**
 * The operator's pages: the last day at a glance, the agency registry, connected systems and the
 * trust material. Every change goes through the same services as the admin API, so it is
 * validated, audited and recorded as evidence the same way. A change answers with a redirect to
 * the page it was made from and a notice (post/redirect/get); a refused change shows the page
 * again with the reason and what was typed. A new or rotated secret is shown once, on a page
 * no browser keeps.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    static final int PAGE_SIZE = 50;
    /** Uploads on the pages are an admin's, as through the API (trust_certificate.source). */
    static final String PAGE_SOURCE = "API";

    @Inject
    PageContext pages;

    @Inject
    Dashboard dashboard;

    @Inject
    AgencyService agencies;

    @Inject
    AgencyImport importer;

    @Inject
    ConnectedSystemService systems;

    @Inject
    TrustStore trust;

    @Inject
    Validator validator;

    @GET
    @Operation(hidden = true)
    public Response dashboard() {
        admin("pages.admin.dashboard");
        return pages.ok(pages.page("dashboard").data("f", dashboard.lastDay()));
    }

    // ------------------------------------------------------------------ agencies

    @GET
    @Path("agencies")
    @Operation(hidden = true)
    public Response agencies(@QueryParam("q") String text, @QueryParam("status") String status,
                             @QueryParam("page") String page, @QueryParam("done") String done,
                             @QueryParam("arg") String arg) {
        admin("pages.admin.agencies");
        return agencyList(text, status, page, notice(done, arg), null, Map.of());
    }

    @POST
    @Path("agencies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createAgency(@RestForm String code, @RestForm String name, @RestForm String parentCode,
                                 @RestForm String qd20Code, @RestForm String email, @RestForm String phone) {
        Actor me = admin("pages.admin.agencies.create");
        AgencyRequest request = new AgencyRequest(trim(code), trim(name), Forms.blank(parentCode), Forms.blank(qd20Code),
                Forms.blank(email), Forms.blank(phone));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("code", Forms.value(code));
        typed.put("name", Forms.value(name));
        typed.put("parentCode", Forms.value(parentCode));
        typed.put("qd20Code", Forms.value(qd20Code));
        typed.put("email", Forms.value(email));
        typed.put("phone", Forms.value(phone));
        try {
            validate(request);
            agencies.create(request, me);
        } catch (ProblemException e) {
            return refusedChange(e, () -> agencyList(null, null, null, null, e, typed));
        }
        return back("/admin/agencies", "agency_created", request.code());
    }

    @POST
    @Path("agencies/{code}/suspend")
    @Operation(hidden = true)
    public Response suspendAgency(@PathParam("code") String code) {
        agencies.setStatus(code, AgencyStatus.SUSPENDED, admin("pages.admin.agencies.suspend"));
        return back("/admin/agencies?q=" + Formats.encoded(code), "agency_suspended", code);
    }

    @POST
    @Path("agencies/{code}/activate")
    @Operation(hidden = true)
    public Response activateAgency(@PathParam("code") String code) {
        agencies.setStatus(code, AgencyStatus.ACTIVE, admin("pages.admin.agencies.activate"));
        return back("/admin/agencies?q=" + Formats.encoded(code), "agency_activated", code);
    }

    @POST
    @Path("agencies/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response importAgencies(@RestForm("file") FileUpload file) {
        Actor me = admin("pages.admin.agencies.import");
        AgencyImport.Result result;
        try {
            result = importer.importAll(AgencyImport.fromCsv(Csv.decodeUtf8(bytes(file))), me);
        } catch (ProblemException e) {
            return refusedChange(e, () -> agencyList(null, null, null, null, e, Map.of()));
        }
        return back("/admin/agencies", "agencies_imported", result.created() + "," + result.updated() + ","
                + result.unchanged());
    }

    private Response agencyList(String text, String status, String page, String notice, ProblemException problem,
                                Map<String, String> typed) {
        var list = agencies.listViews(new AgencyFilter(null, QueryParams.enumValue("status", status, AgencyStatus.class),
                Forms.blank(text)), Paging.of(page, Integer.toString(PAGE_SIZE)));
        return pages.answer(problem, pages.page("agencies").data("list", list).data("q", Forms.value(text)).data("status", Forms.value(status))
                .data("notice", notice).data("problem", problem == null ? null : problem.detail())
                .data("typed", typed));
    }

    // ------------------------------------------------------------------ connected systems

    @GET
    @Path("systems")
    @Operation(hidden = true)
    public Response systems(@QueryParam("q") String text, @QueryParam("page") String page,
                            @QueryParam("done") String done, @QueryParam("arg") String arg) {
        admin("pages.admin.systems");
        return systemList(text, page, notice(done, arg), null, Map.of());
    }

    @POST
    @Path("systems")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createSystem(@RestForm String id, @RestForm String name, @RestForm String agencyCodes,
                                 @RestForm String subtreeCodes, @RestForm String agencyAdmin) {
        Actor me = admin("pages.admin.systems.create");
        SystemRequest request = new SystemRequest(trim(id), trim(name), codes(agencyCodes), codes(subtreeCodes),
                agencyAdmin != null);
        IssuedSecret secret;
        try {
            validate(request);
            secret = systems.create(request, me);
        } catch (ProblemException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("id", Forms.value(id));
            typed.put("name", Forms.value(name));
            typed.put("agencyCodes", Forms.value(agencyCodes));
            typed.put("subtreeCodes", Forms.value(subtreeCodes));
            return refusedChange(e, () -> systemList(null, null, null, e, typed));
        }
        return secretPage(secret, false);
    }

    @GET
    @Path("systems/{id}")
    @Operation(hidden = true)
    public Response system(@PathParam("id") String id, @QueryParam("done") String done, @QueryParam("arg") String arg) {
        admin("pages.admin.system");
        return systemPage(systems.get(id), notice(done, arg), null);
    }

    /** Replaces the system's name and scope (agencies, subtrees, agency registration). */
    @POST
    @Path("systems/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response updateSystem(@PathParam("id") String id, @RestForm String name, @RestForm String agencyCodes,
                                 @RestForm String subtreeCodes, @RestForm String agencyAdmin) {
        Actor me = admin("pages.admin.system.update");
        SystemView current = systems.get(id);
        SystemUpdate update = new SystemUpdate(trim(name), codes(agencyCodes), codes(subtreeCodes), agencyAdmin != null);
        try {
            validate(update);
            systems.update(id, update, me);
        } catch (ProblemException e) {
            return refusedChange(e, () -> systemPage(current, null, e));
        }
        return back("/admin/systems/" + Formats.encoded(id), "system_updated", id);
    }

    @POST
    @Path("systems/{id}/rotate")
    @Operation(hidden = true)
    public Response rotateSecret(@PathParam("id") String id) {
        return secretPage(systems.rotateSecret(id, admin("pages.admin.system.rotate")), true);
    }

    @POST
    @Path("systems/{id}/disable")
    @Operation(hidden = true)
    public Response disableSystem(@PathParam("id") String id) {
        systems.setStatus(id, false, admin("pages.admin.system.disable"));
        return back("/admin/systems/" + Formats.encoded(id), "system_disabled", id);
    }

    @POST
    @Path("systems/{id}/enable")
    @Operation(hidden = true)
    public Response enableSystem(@PathParam("id") String id) {
        systems.setStatus(id, true, admin("pages.admin.system.enable"));
        return back("/admin/systems/" + Formats.encoded(id), "system_enabled", id);
    }

    private Response systemList(String text, String page, String notice, ProblemException problem,
                                Map<String, String> typed) {
        return pages.answer(problem, pages.page("systems")
                .data("list", systems.list(Forms.blank(text), Paging.of(page, Integer.toString(PAGE_SIZE))))
                .data("q", Forms.value(text)).data("notice", notice).data("problem", problem == null ? null : problem.detail())
                .data("typed", typed));
    }

    private Response systemPage(SystemView system, String notice, ProblemException problem) {
        return pages.answer(problem, pages.page("system").data("s", system).data("notice", notice)
                .data("problem", problem == null ? null : problem.detail()));
    }

    private Response secretPage(IssuedSecret secret, boolean rotated) {
        return pages.ok(pages.page("secret").data("secret", secret).data("rotated", rotated));
    }

    // ------------------------------------------------------------------ trust material

    @GET
    @Path("trust")
    @Operation(hidden = true)
    public Response trust(@QueryParam("done") String done, @QueryParam("arg") String arg) {
        admin("pages.admin.trust");
        return trustPage(notice(done, arg), null);
    }

    @POST
    @Path("trust/{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response addTrust(@PathParam("kind") String kind, @RestForm("file") FileUpload file) {
        Actor me = admin("pages.admin.trust.add");
        String added;
        try {
            byte[] body = bytes(file);
            added = switch (kind) {
                case "anchors" -> trust.addCertificate(TrustStore.Kind.ANCHOR, body, me, PAGE_SOURCE).entry().subject();
                case "intermediates" -> trust.addCertificate(TrustStore.Kind.INTERMEDIATE, body, me, PAGE_SOURCE)
                        .entry().subject();
                case "crls" -> trust.addCrl(body, me, PAGE_SOURCE, null).entry().issuer();
                default -> throw new ProblemException(ErrorCode.NOT_FOUND, "No trust list " + kind);
            };
        } catch (ProblemException e) {
            return refusedChange(e, () -> trustPage(null, e));
        }
        return back("/admin/trust", "trust_added", added);
    }

    @POST
    @Path("trust/{kind}/{fingerprint}/remove")
    @Operation(hidden = true)
    public Response removeTrust(@PathParam("kind") String kind, @PathParam("fingerprint") String fingerprint) {
        Actor me = admin("pages.admin.trust.remove");
        switch (kind) {
            case "anchors" -> trust.removeCertificate(TrustStore.Kind.ANCHOR, fingerprint, me);
            case "intermediates" -> trust.removeCertificate(TrustStore.Kind.INTERMEDIATE, fingerprint, me);
            case "crls" -> trust.removeCrl(fingerprint, me);
            default -> throw new ProblemException(ErrorCode.NOT_FOUND, "No trust list " + kind);
        }
        return back("/admin/trust", "trust_removed", fingerprint);
    }

    private Response trustPage(String notice, ProblemException problem) {
        List<TrustList> lists = List.of(new TrustList("anchors", trust.certificates(TrustStore.Kind.ANCHOR)),
                new TrustList("intermediates", trust.certificates(TrustStore.Kind.INTERMEDIATE)),
                new TrustList("crls", trust.crls()));
        return pages.answer(problem, pages.page("trust").data("lists", lists).data("notice", notice).data("problem", problem == null ? null : problem.detail()));
    }

    /** One list of the trust page: anchors, intermediates or CRLs, named as in the paths. */
    public record TrustList(String kind, List<?> entries) {
    }

    // ------------------------------------------------------------------ shared

    private Actor admin(String action) {
        return pages.require(action, Role.ADMIN);
    }

    /** Post/redirect/get: the page the change was made from, with a notice of what was done. */
    private static Response back(String path, String done, String arg) {
        String sep = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(path + sep + "done=" + done + "&arg=" + Formats.encoded(arg))).build();
    }

    /** The notice for a redirect's {@code done} (a known key only) with its comma-separated arguments. */
    private String notice(String done, String arg) {
        Texts t = pages.texts();
        if (done == null || !t.has("done", done)) {
            return null;
        }
        Object[] args = arg == null ? new Object[0] : arg.split(",", -1);
        String text = t.label("done", done);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A refused change shows its page again, with the problem's status; server faults stay errors. */
    private static Response refusedChange(ProblemException e, java.util.function.Supplier<Response> page) {
        if (e.code().status() >= 500 || e.code().status() == 401 || e.code().status() == 403) {
            throw e;
        }
        return page.get();
    }

    private <T> void validate(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED, violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
    }

    private static byte[] bytes(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED, "Choose a file to upload");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Agency codes typed in a box, separated by commas, spaces or new lines. */
    static List<String> codes(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[\\s,;]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return pages.error(e);
    }
}
