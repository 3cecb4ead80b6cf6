package vn.docaxis.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.docaxis.agency.AgencyCode;
import vn.docaxis.agency.AgencyService;
import vn.docaxis.agency.AgencyStatus;
import vn.docaxis.edxml.Business;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.DocumentHeader;
import vn.docaxis.edxml.EdxmlConfig;
import vn.docaxis.edxml.EdxmlPackage;
import vn.docaxis.edxml.EdxmlReader;
import vn.docaxis.edxml.EdxmlSchemas;
import vn.docaxis.edxml.EdxmlValidator;
import vn.docaxis.edxml.Limits;
import vn.docaxis.edxml.Organization;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.edxml.ParsedPackage;
import vn.docaxis.edxml.ReceiverType;
import vn.docaxis.edxml.ResponseFor;
import vn.docaxis.edxml.StatusCode;
import vn.docaxis.edxml.StatusHeader;
import vn.docaxis.platform.Bounded;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Ids;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.UniqueViolations;
import vn.docaxis.security.Access;
import vn.docaxis.security.Actor;
import vn.docaxis.security.AuditLog;

/**
 * Accepts a package: read, validate, check that the caller acts for the sender, recognise a
 * resubmission, decide the recipients and effects, verify signatures, and hand the plan to
 * {@link PackageWriter}, which stores everything in one transaction. Nothing is acknowledged
 * before that commit; a refusal stores nothing but its audit record.
 */
@ApplicationScoped
public class SubmissionService {

    static final String ACTION = "package.submit";

    @Inject
    ExchangeConfig config;

    @Inject
    EdxmlConfig edxmlConfig;

    @Inject
    Access access;

    @Inject
    AgencyService agencies;

    @Inject
    PackageVerifier verifier;

    @Inject
    PackageWriter writer;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    ExchangeMetrics metrics;

    @Inject
    ExchangeEvidence evidence;

    @Inject
    SubmissionReads reads;

    private EdxmlReader reader;
    private EdxmlSchemas schemas;
    private Path spoolDir;

    @PostConstruct
    void init() {
        reader = new EdxmlReader(Limits.of(edxmlConfig));
        schemas = edxmlConfig.strict() ? new EdxmlSchemas() : null;
        Path base = config.spoolDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "docaxis-spool"));
        spoolDir = base.resolve("run-" + ProcessHandle.current().pid());
        sweepDeadRuns(base);
    }

    /** This process's spool directory: instances sharing a machine never touch each other's files. */
    public Path spoolDir() {
        return spoolDir;
    }

    /** Removes what processes that died mid-request left behind. */
    private static void sweepDeadRuns(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (var runs = Files.list(base)) {
            runs.filter(d -> d.getFileName().toString().startsWith("run-")).forEach(d -> {
                try {
                    long pid = Long.parseLong(d.getFileName().toString().substring(4));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return;
                    }
                } catch (NumberFormatException e) {
                    // not ours
                }
                try (var files = Files.walk(d)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    public SpooledBody spool(InputStream body) {
        try {
            return SpooledBody.spool(body, spoolDir(), config.maxPackageBytes());
        } catch (ProblemException e) {
            evidence.refused(access.actor(), Now.instant(), e, null, null, null, null);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SubmissionResult submit(SpooledBody body, String idempotencyKey) {
        return submit(body, idempotencyKey, null);
    }

    /** @param expectedKind the kind the caller declared (VDXP's messagetype), or null to take what is sent */
    @Bounded
    public SubmissionResult submit(SpooledBody body, String idempotencyKey, PackageKind expectedKind) {
        Actor caller = access.actor();
        Instant receivedAt = Now.instant();
        String[] context = new String[2]; // sender and DocumentId, once known, for the refusal record
        long t0 = System.nanoTime();
        try (ParsedPackage parsed = reader.read(body.file(), spoolDir().resolve("work-" + Ids.next()))) {
            EdxmlPackage content = parsed.content();
            if (expectedKind != null && content.kind() != expectedKind) {
                throw new ProblemException(ErrorCode.EDXML_INVALID, "Declared a " + expectedKind.wire()
                        + " package, but the body is a " + content.kind().wire() + " package");
            }
            EdxmlValidator.validate(content);
            if (schemas != null) {
                schemas.validate(body.file(), content.kind());
            }
            long t1 = System.nanoTime();
            String sender = content.from().organId();
            String documentId = content.kind() == PackageKind.DOCUMENT ? content.document().documentId()
                    : content.status().responseFor().documentId();
            context[0] = sender;
            context[1] = documentId;
            Actor actor = access.requireActFor(sender, ACTION);
            Statuses statuses = new Statuses();
            statuses.read(content.kind() == PackageKind.DOCUMENT ? named(sender, content.document()) : List.of(sender));
            if (statuses.of(sender) != AgencyStatus.ACTIVE) {
                throw new ProblemException(ErrorCode.SENDER_NOT_ACTIVE, "Agency " + sender
                        + " is not registered or is suspended", Map.of("agencyCode", sender));
            }
            SubmissionReads.Earlier earlier = reads.earlier(content.kind(), sender, documentId, body.sha256());
            Optional<SubmissionResult> replay = replay(earlier, body.sha256(), actor, idempotencyKey);
            if (replay.isPresent()) {
                return replay.get();
            }
            SubmissionPlan plan;
            try {
                plan = content.kind() == PackageKind.DOCUMENT
                        ? planDocument(content, body, actor, idempotencyKey, receivedAt, sender, statuses, earlier.sentAsNew())
                        : planStatus(content, body, actor, idempotencyKey, receivedAt, sender);
            } catch (ProblemException e) {
                // a twin of this very package may have committed since the replay check above
                Optional<SubmissionResult> late = e.code() == ErrorCode.DUPLICATE_DOCUMENT_ID
                        ? replay(content.kind(), sender, documentId, body.sha256(), actor, idempotencyKey) : Optional.empty();
                if (late.isPresent()) {
                    return late.get();
                }
                throw e;
            }
            long t2 = System.nanoTime();
            PackageVerifier.Verification verification = verifier.verify(parsed, body.file(), receivedAt);
            if (verification.refused()) {
                throw new ProblemException(ErrorCode.SIGNATURE_POLICY_FAILED, "The signatures do not satisfy the policy; "
                        + "the report says why, signature by signature", Map.of("report", tree(verification.reportJson())));
            }
            plan = withVerification(plan, verification);
            long t3 = System.nanoTime();
            SubmissionResult result = store(plan);
            long t4 = System.nanoTime();
            metrics.accepted(content.kind());
            metrics.stage("read", t1 - t0);
            metrics.stage("check", t2 - t1);
            metrics.stage("verify", t3 - t2);
            metrics.stage("store", t4 - t3);
            return result;
        } catch (ProblemException e) {
            if (e.code() != ErrorCode.NOT_AUTHORIZED_FOR_AGENCY && e.code() != ErrorCode.NOT_AUTHORIZED) {
                // authorization refusals are recorded by Access itself
                recordRefusal(caller, e, body, context);
            }
            evidence.refused(caller, receivedAt, e, body.sha256(), body.size(), context[0], context[1]);
            metrics.refused(e.code());
            throw e;
        }
    }

    private SubmissionResult store(SubmissionPlan plan) {
        try {
            return writer.persist(plan);
        } catch (RuntimeException e) {
            if (!UniqueViolations.is(e)) {
                throw e;
            }
            // Another request stored the same package (or DocumentId) first: answer as it was answered.
            return replay(plan.content().kind(), plan.sender(), plan.documentId(), plan.body().sha256(), plan.actor(),
                    plan.idempotencyKey()).orElseThrow(() -> duplicate(plan.sender(), plan.documentId()));
        }
    }

    // ---- resubmissions ----

    /** The stored answer to the same package sent before, looking again (a twin may have committed meanwhile). */
    private Optional<SubmissionResult> replay(PackageKind kind, String sender, String documentId, String sha256,
                                              Actor actor, String idempotencyKey) {
        return replay(reads.earlier(kind, sender, documentId, sha256), sha256, actor, idempotencyKey);
    }

    /**
     * The stored answer to the same package sent before: under the same Idempotency-Key (whose
     * reuse for other bytes is refused), else with the same bytes under the same DocumentId.
     */
    private Optional<SubmissionResult> replay(SubmissionReads.Earlier earlier, String sha256, Actor actor,
                                              String idempotencyKey) {
        Optional<SubmissionReads.Keyed> keyed = idempotencyKey == null ? Optional.empty()
                : reads.byIdempotencyKey(actor.name(), idempotencyKey);
        if (keyed.isPresent()) {
            if (!keyed.get().sha256().equals(sha256)) {
                throw new ProblemException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + idempotencyKey
                        + "' was used for package " + keyed.get().id() + ", whose bytes differ");
            }
            return Optional.of(resultOf(keyed.get().id(), keyed.get().outcome()));
        }
        return earlier.sameId() == null ? Optional.empty() : Optional.of(resultOf(earlier.sameId(), earlier.sameOutcome()));
    }

    private SubmissionResult resultOf(UUID packageId, String outcome) {
        try {
            return json.readValue(outcome, SubmissionResult.class).asReplay();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored outcome of package " + packageId + " is unreadable", e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException duplicate(String sender, String documentId) {
        return new ProblemException(ErrorCode.DUPLICATE_DOCUMENT_ID, "Agency " + sender + " already sent DocumentId '"
                + documentId + "' with other content; a changed document is sent as an update (BussinessDocType 2)",
                Map.of("documentId", documentId));
    }

    // ---- documents ----

    /** The sender and the agencies a document's header names: their statuses are read in one statement. */
    private static List<String> named(String sender, DocumentHeader h) {
        List<String> codes = new ArrayList<>();
        codes.add(sender);
        h.to().stream().map(Organization::organId).filter(AgencyCode::isValid).forEach(codes::add);
        return codes;
    }

    private SubmissionPlan planDocument(EdxmlPackage content, SpooledBody body, Actor actor, String key, Instant at,
                                        String sender, Statuses statuses, boolean sentAsNew) {
        DocumentHeader h = content.document();
        BusinessDocType type = h.businessType();
        List<String> named = h.to().stream().map(Organization::organId).toList();
        UUID original = null;
        List<SubmissionPlan.Recipient> recipients;
        List<UUID> recallFrom = List.of();
        DeliveryEventType originalEvent = null;
        switch (type) {
            case NEW -> {
                if (sentAsNew) {
                    throw duplicate(sender, h.documentId());
                }
                recipients = evaluate(named, null, statuses);
            }
            case REPLACE -> {
                original = original(sender, h);
                originalEvent = DeliveryEventType.REPLACED;
                recipients = evaluate(named, null, statuses);
            }
            case REVOKE -> {
                original = original(sender, h);
                Map<String, UUID> ofOriginal = reads.deliveriesByRecipient(original);
                recipients = evaluate(named, ofOriginal.keySet(), statuses);
                recallFrom = recipients.stream().filter(SubmissionPlan.Recipient::accepted)
                        .map(r -> ofOriginal.get(r.agencyCode())).toList();
            }
            case UPDATE -> {
                original = original(sender, h);
                originalEvent = DeliveryEventType.UPDATED;
                recipients = evaluate(amendedRecipients(reads.deliveriesByRecipient(original).keySet(), h.business()),
                        null, statuses);
            }
            default -> throw new IllegalStateException("unknown business type " + type);
        }
        requireSomeRecipient(recipients);
        return new SubmissionPlan(content, body, actor, key, at, sender, h.documentId(), type, original, recipients, null,
                recallFrom, originalEvent, null);
    }

    /**
     * The document a revoke, update or replacement refers to. Real packages name it in different
     * places (Bussiness/DocumentId, ResponseFor, ReplacementInfo, or reuse the header DocumentId),
     * so each is tried in turn: the first that names a new document of this sender wins.
     */
    private UUID original(String sender, DocumentHeader h) {
        Set<String> candidates = new LinkedHashSet<>();
        Business b = h.business();
        if (b.documentId() != null) {
            candidates.add(b.documentId());
        }
        for (ResponseFor r : h.responseFor()) {
            if (r.documentId() != null) {
                candidates.add(r.documentId());
            }
        }
        for (Business.Replacement r : b.replacements()) {
            if (r.documentId() != null) {
                candidates.add(r.documentId());
            }
        }
        candidates.add(h.documentId());
        return reads.newDocument(sender, List.copyOf(candidates)).orElseThrow(() -> new ProblemException(ErrorCode.ORIGINAL_NOT_FOUND, "None of " + candidates + " names a document that "
                + sender + " sent through this axis", Map.of("documentIds", List.copyOf(candidates))));
    }

    /** An update goes to the original's recipients, less those it removes, plus those it adds. */
    private static List<String> amendedRecipients(Set<String> originalRecipients, Business b) {
        Set<String> amended = new LinkedHashSet<>(originalRecipients);
        for (Business.ReceiverChange change : b.receivers()) {
            if (change.type().orElse(null) == ReceiverType.REMOVED) {
                amended.remove(change.organId());
            } else {
                amended.add(change.organId());
            }
        }
        return List.copyOf(amended);
    }

    /**
     * Accepts each named agency that is registered and active; refuses the others with a reason.
     * With {@code mustBeAmong}, only those agencies may be named (the recipients of a revoked document).
     */
    private List<SubmissionPlan.Recipient> evaluate(List<String> named, Set<String> mustBeAmong, Statuses statuses) {
        Set<String> distinct = new LinkedHashSet<>(named);
        statuses.read(distinct.stream().filter(AgencyCode::isValid).toList());
        List<SubmissionPlan.Recipient> recipients = new ArrayList<>();
        for (String code : distinct) {
            RecipientOutcome refusal = null;
            if (!AgencyCode.isValid(code)) {
                refusal = RecipientOutcome.refused(code, ErrorCode.INVALID_AGENCY_CODE.name(), "not an agency code");
            } else if (statuses.of(code) == null) {
                refusal = RecipientOutcome.refused(code, ErrorCode.UNKNOWN_RECIPIENT.name(), "not registered on this axis");
            } else if (statuses.of(code) != AgencyStatus.ACTIVE) {
                refusal = RecipientOutcome.refused(code, "RECIPIENT_SUSPENDED", "the agency is suspended");
            } else if (mustBeAmong != null && !mustBeAmong.contains(code)) {
                refusal = RecipientOutcome.refused(code, "NOT_A_RECIPIENT_OF_ORIGINAL",
                        "did not receive the document being revoked");
            }
            recipients.add(new SubmissionPlan.Recipient(code, refusal));
        }
        return recipients;
    }

    private static void requireSomeRecipient(List<SubmissionPlan.Recipient> recipients) {
        if (recipients.stream().noneMatch(SubmissionPlan.Recipient::accepted)) {
            throw new ProblemException(ErrorCode.UNKNOWN_RECIPIENT, "No recipient of the package can be served",
                    Map.of("recipients", recipients.stream().map(SubmissionPlan.Recipient::refusal).toList()));
        }
    }

    // ---- statuses ----

    private SubmissionPlan planStatus(EdxmlPackage content, SpooledBody body, Actor actor, String key, Instant at,
                                      String reporter) {
        StatusHeader s = content.status();
        StatusCode code = s.code().orElse(null);
        if (code == null && !config.acceptUnseenStatusCodes()) {
            throw new ProblemException(ErrorCode.UNKNOWN_STATUS_CODE, "Status code " + s.statusCode()
                    + " is not in use (01–06, 13, 15, 16)", Map.of("statusCode", s.statusCode()));
        }
        boolean toRecipient = code != null && code.direction() == StatusCode.Direction.TO_RECIPIENT;
        String counterpart = s.responseFor().organId();
        String documentId = s.responseFor().documentId();
        String documentSender = toRecipient ? reporter : counterpart;
        String documentRecipient = toRecipient ? counterpart : reporter;
        List<SubmissionReads.Target> about = reads.deliveriesOf(documentSender, documentId, documentRecipient);
        if (about.isEmpty()) {
            throw new ProblemException(ErrorCode.STATUS_NOT_RELATED, "No document '" + documentId + "' was sent by "
                    + documentSender + " to " + documentRecipient + " through this axis",
                    Map.of("documentId", documentId, "sender", documentSender, "recipient", documentRecipient));
        }
        SubmissionReads.Target target = about.stream()
                .filter(d -> (code == StatusCode.CHANGE_AGREED || code == StatusCode.CHANGE_REFUSED)
                        && d.recallState() == RecallState.REQUESTED)
                .findFirst().orElse(about.get(0)); // the original document's delivery comes first
        return new SubmissionPlan(content, body, actor, key, at, reporter, documentId, null, target.packageId(),
                List.of(new SubmissionPlan.Recipient(counterpart, null)),
                new SubmissionPlan.StatusEffect(s.statusCode(), s.description(), target.deliveryId()), List.of(), null, null);
    }

    private static SubmissionPlan withVerification(SubmissionPlan p, PackageVerifier.Verification v) {
        return new SubmissionPlan(p.content(), p.body(), p.actor(), p.idempotencyKey(), p.receivedAt(), p.sender(),
                p.documentId(), p.businessType(), p.originalId(), p.recipients(), p.status(), p.recallFrom(),
                p.originalEvent(), v);
    }

    /**
     * The statuses of the agencies a submission involves, each read once: the sender's and the
     * named recipients' in one statement, an update's other recipients when they are known.
     */
    private final class Statuses {
        private final Map<String, AgencyStatus> found = new HashMap<>();
        private final Set<String> asked = new HashSet<>();

        void read(Collection<String> codes) {
            List<String> missing = codes.stream().filter(c -> !asked.contains(c)).distinct().toList();
            if (!missing.isEmpty()) {
                found.putAll(agencies.statusesOf(missing));
                asked.addAll(missing);
            }
        }

        /** Null for an agency not registered on this axis. */
        AgencyStatus of(String code) {
            return found.get(code);
        }
    }

    private void recordRefusal(Actor caller, ProblemException e, SpooledBody body, String[] context) {
        String detail = e.detail() + " [sha256 " + body.sha256() + ", " + body.size() + " bytes"
                + (context[0] == null ? "" : ", From " + context[0]) + (context[1] == null ? "" : ", DocumentId " + context[1]) + "]";
        audit.refusal(new AuditLog.Refusal(caller.name(), caller.kind().name(), ACTION, "package", context[1], e.code(),
                detail, null));
    }
}
