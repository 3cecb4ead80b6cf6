package vn.docaxis.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.docaxis.edxml.Attachment;
import vn.docaxis.edxml.EdxmlPackage;
import vn.docaxis.edxml.ManifestReference;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.edxml.ParsedPackage;
import vn.docaxis.exchange.PackageVerifier;
import vn.docaxis.platform.Now;

/**
 * Verifies every signature of a package and applies the policy of SIGNATURES.md: every signature
 * of every PDF attachment valid; the main document (the first PDF of the manifest) signed by the
 * sending agency; a personal signature there too (warning, or required by configuration); the
 * envelope signature valid when present.
 */
@ApplicationScoped
public class PackageSignatureVerifier implements PackageVerifier {

    private static final Set<ReasonCode> ONLY_UNDECIDED = Set.of(ReasonCode.REVOCATION_UNKNOWN);

    @Inject
    TrustStore trust;

    @Inject
    SignatureConfig config;

    @Inject
    ObjectMapper json;

    @Override
    public Verification verify(ParsedPackage parsed, Path packageFile, Instant receivedAt) {
        VerificationReport report = report(parsed.content(), packageFile, receivedAt);
        try {
            return new Verification(report.verdict(), json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public VerificationReport report(EdxmlPackage content, Path packageFile, Instant receivedAt) {
        TrustMaterial material = trust.material();
        Instant now = Now.instant();
        Deadline deadline = new Deadline(config.limits().timeLimit());
        String sender = content.from().organId();
        PdfVerifier pdfs = new PdfVerifier(config.limits(), config.policy().agencySubjectAttribute());
        String mainContentId = mainDocument(content);
        List<AttachmentReport> attachments = new ArrayList<>();
        for (Attachment a : content.attachments()) {
            if (!a.isPdf()) {
                attachments.add(new AttachmentReport(a.contentId(), a.attachmentName(), a.sha256(), false, false, List.of(),
                        List.of()));
                continue;
            }
            PdfVerifier.Examined examined = pdfs.examine(a.content(), sender, receivedAt, now, material, deadline);
            attachments.add(new AttachmentReport(a.contentId(), a.attachmentName(), a.sha256(), true,
                    a.contentId() != null && a.contentId().equals(mainContentId), examined.signatures(), examined.problems()));
        }
        EnvelopeReport envelope;
        try {
            envelope = EnvelopeVerifier.verify(packageFile, content.envelopeSignature(), sender, receivedAt, now, material,
                    config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Reason> reasons = policy(content.kind(), attachments, envelope);
        String verdict = reasons.stream().anyMatch(Reason::isError) ? Verification.REFUSED : Verification.ACCEPTED;
        return new VerificationReport(verdict, sender, receivedAt, envelope, attachments, reasons);
    }

    /** The package-level findings: each error refuses the package. */
    private List<Reason> policy(PackageKind kind, List<AttachmentReport> attachments, EnvelopeReport envelope) {
        SignatureConfig.Policy policy = config.policy();
        List<Reason> reasons = new ArrayList<>();
        for (AttachmentReport a : attachments) {
            for (Reason problem : a.reasons()) {
                reasons.add(Reason.error(problem.code(), a.name() + ": " + problem.message()));
            }
            for (PdfSignatureReport s : a.signatures()) {
                if (!acceptable(s.outcome(), s.reasons())) {
                    reasons.add(Reason.error(firstError(s.reasons()), a.name() + ", signature " + s.field() + ": "
                            + s.reasons().stream().filter(Reason::isError).map(r -> r.code().name()).distinct()
                            .collect(Collectors.joining(", "))));
                } else if (s.outcome() == Outcome.INDETERMINATE) {
                    reasons.add(Reason.warning(ReasonCode.REVOCATION_UNKNOWN, a.name() + ", signature " + s.field()
                            + ": accepted without revocation data, as configured"));
                }
            }
        }
        if (kind == PackageKind.DOCUMENT) {
            mainDocument(attachments, policy, reasons);
        }
        if (envelope != null) {
            boolean legacy = envelope.reasons().stream().anyMatch(r -> r.code() == ReasonCode.NON_STANDARD_SIGNATURE_NAMESPACE);
            if (legacy && policy.acceptLegacyEnvelopeNamespace()) {
                reasons.add(Reason.warning(ReasonCode.NON_STANDARD_SIGNATURE_NAMESPACE,
                        "envelope signature in the QCVN namespace: not checked, accepted as configured"));
            } else if (!acceptable(envelope.outcome(), envelope.reasons())) {
                reasons.add(Reason.error(firstError(envelope.reasons()), "envelope signature: " + envelope.reasons().stream()
                        .filter(Reason::isError).map(r -> r.code().name()).distinct().collect(Collectors.joining(", "))));
            }
        }
        return reasons;
    }

    private void mainDocument(List<AttachmentReport> attachments, SignatureConfig.Policy policy, List<Reason> reasons) {
        AttachmentReport main = attachments.stream().filter(AttachmentReport::mainDocument).findFirst().orElse(null);
        if (main == null) {
            if (policy.requireAgencySignature()) {
                reasons.add(Reason.error(ReasonCode.NO_MAIN_DOCUMENT, "no PDF attachment: nothing carries the agency's signature"));
            }
            return;
        }
        List<PdfSignatureReport> valid = main.signatures().stream()
                .filter(s -> "SIGNATURE".equals(s.kind()) && s.signer() != null && acceptable(s.outcome(), s.reasons()))
                .toList();
        boolean agency = valid.stream().anyMatch(s -> "AGENCY".equals(s.signer().role()));
        if (!agency && policy.requireAgencySignature()) {
            boolean other = valid.stream().anyMatch(s -> "OTHER_AGENCY".equals(s.signer().role()));
            reasons.add(other
                    ? Reason.error(ReasonCode.AGENCY_MISMATCH, main.name() + " is signed by another agency's certificate ("
                    + valid.stream().map(s -> s.signer().boundAgency()).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining(", ")) + "), not the sender's")
                    : Reason.error(ReasonCode.MISSING_AGENCY_SIGNATURE, main.name() + " has no valid signature of the sending agency"));
        }
        if (valid.stream().noneMatch(s -> "PERSONAL".equals(s.signer().role()))) {
            String message = main.name() + " has no valid personal signature of the competent signer";
            reasons.add(policy.requirePersonalSignature() ? Reason.error(ReasonCode.MISSING_PERSONAL_SIGNATURE, message)
                    : Reason.warning(ReasonCode.MISSING_PERSONAL_SIGNATURE, message));
        }
    }

    /** VALID, or INDETERMINATE only for want of revocation data when the policy lets that pass. */
    private boolean acceptable(Outcome outcome, List<Reason> reasons) {
        if (outcome == Outcome.VALID) {
            return true;
        }
        return outcome == Outcome.INDETERMINATE && !config.policy().requireRevocationData()
                && reasons.stream().filter(Reason::isError).allMatch(r -> ONLY_UNDECIDED.contains(r.code()));
    }

    private static ReasonCode firstError(List<Reason> reasons) {
        return reasons.stream().filter(Reason::isError).map(Reason::code).findFirst().orElse(ReasonCode.SIGNATURE_INVALID);
    }

    /** The content id of the first manifest reference whose attachment is a PDF. */
    private static String mainDocument(EdxmlPackage content) {
        Map<String, Attachment> byId = content.attachments().stream().filter(a -> a.contentId() != null)
                .collect(Collectors.toMap(Attachment::contentId, a -> a, (a, b) -> a));
        for (ManifestReference r : content.manifest()) {
            Attachment a = byId.get(r.contentId());
            if (a != null && a.isPdf()) {
                return a.contentId();
            }
        }
        return null;
    }
}
