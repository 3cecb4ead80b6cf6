package vn.docaxis.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import vn.docaxis.edxml.Edxml;
import vn.docaxis.edxml.SignatureForm;
import vn.docaxis.platform.Certificates;

/**
 * The envelope {@code Signature} (SIGNATURES.md, "XML-DSig on the envelope"). One shape only:
 * enveloped, a single Reference URI="", the enveloped-signature transform and a standard
 * canonicalization, RSA or ECDSA with SHA-256 or stronger. The JDK's secure validation stays on;
 * the key is the KeyInfo certificate's, and that certificate passes the PDF signer's checks.
 */
final class EnvelopeVerifier {

    private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, "http://www.w3.org/2006/12/xml-c14n11");
    private static final Set<String> STRONG_SIGNATURES = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384, SignatureMethod.ECDSA_SHA512,
            SignatureMethod.SHA256_RSA_MGF1, SignatureMethod.SHA384_RSA_MGF1, SignatureMethod.SHA512_RSA_MGF1);
    private static final Set<String> SHA1_SIGNATURES = Set.of(SignatureMethod.RSA_SHA1, SignatureMethod.ECDSA_SHA1,
            SignatureMethod.DSA_SHA1);
    private static final Set<String> STRONG_DIGESTS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);

    private EnvelopeVerifier() {
    }

    static EnvelopeReport verify(Path packageFile, SignatureForm form, String sender, Instant receivedAt, Instant now,
                                 TrustMaterial trust, SignatureConfig config) throws IOException {
        if (form == SignatureForm.NONE) {
            return null;
        }
        if (form == SignatureForm.LEGACY_QCVN_NAMESPACE) {
            return indeterminate(form, Reason.error(ReasonCode.NON_STANDARD_SIGNATURE_NAMESPACE,
                    "written in " + Edxml.NS + " (legacy SDK); a standard validator cannot check it"));
        }
        if (Files.size(packageFile) > config.limits().maxEnvelopeBytes()) {
            return indeterminate(form, Reason.error(ReasonCode.RESOURCE_LIMIT, "the package is larger than "
                    + config.limits().maxEnvelopeBytes() + " bytes, the bound for envelope verification"));
        }
        Document document;
        try (InputStream in = Files.newInputStream(packageFile)) {
            document = builder().parse(in);
        } catch (Exception e) {
            return indeterminate(form, Reason.error(ReasonCode.ENVELOPE_UNREADABLE, "not namespace-correct XML: "
                    + e.getMessage()));
        }
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            return invalid(form, null, null, Reason.error(ReasonCode.UNSUPPORTED_SIGNATURE_SHAPE,
                    signatures.getLength() + " XML signatures; exactly one is accepted"));
        }
        List<Reason> reasons = new ArrayList<>();
        CertificateKeySelector keys = new CertificateKeySelector();
        DOMValidateContext context = new DOMValidateContext(keys, signatures.item(0));
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        XMLSignature signature;
        try {
            signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        } catch (Exception e) {
            return invalid(form, null, null, Reason.error(ReasonCode.UNSUPPORTED_SIGNATURE_SHAPE, "unreadable: " + e.getMessage()));
        }
        String method = signature.getSignedInfo().getSignatureMethod().getAlgorithm();
        String digest = shape(signature, config.policy().allowSha1Envelope(), reasons);
        X509Certificate certificate = certificate(signature.getKeyInfo());
        if (certificate == null) {
            reasons.add(Reason.error(ReasonCode.NO_SIGNER_CERTIFICATE, "KeyInfo holds no X509Certificate"));
            return new EnvelopeReport(form.name(), method, digest, null, null, null, null, Outcome.INVALID, reasons);
        }
        keys.certificate = certificate;
        if (reasons.stream().noneMatch(r -> r.isError() && r.code() != ReasonCode.WEAK_ALGORITHM)
                || config.policy().allowSha1Envelope()) {
            try {
                if (!signature.validate(context)) {
                    boolean referencesOk = true;
                    for (Object r : signature.getSignedInfo().getReferences()) {
                        referencesOk &= ((Reference) r).validate(context);
                    }
                    reasons.add(referencesOk
                            ? Reason.error(ReasonCode.SIGNATURE_INVALID, "the SignatureValue does not verify")
                            : Reason.error(ReasonCode.DIGEST_MISMATCH, "the package was changed after the envelope was signed"));
                }
            } catch (Exception e) {
                reasons.add(Reason.error(ReasonCode.SIGNATURE_INVALID, "validation refused: " + e.getMessage()));
            }
        }
        CertificateCheck.keyUsage(certificate).ifPresent(reasons::add);
        CertificateCheck.Result path = CertificateCheck.path(certificate, keys.others(signature.getKeyInfo()), receivedAt, now, trust);
        reasons.addAll(path.reasons());
        CertificateCheck.Binding binding = CertificateCheck.binding(certificate, trust, config.policy().agencySubjectAttribute());
        String role = binding.agency() == null ? "PERSONAL" : binding.agency().equals(sender) ? "AGENCY" : "OTHER_AGENCY";
        if (!"AGENCY".equals(role)) {
            reasons.add(Reason.error(binding.agency() == null ? ReasonCode.MISSING_AGENCY_SIGNATURE : ReasonCode.AGENCY_MISMATCH,
                    "the envelope is signed with a certificate bound to " + (binding.agency() == null ? "no agency"
                            : binding.agency()) + ", not to the sender " + sender));
        }
        SignerView signer = new SignerView(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), Certificates.serialHex(certificate.getSerialNumber()),
                Certificates.fingerprint(certificate), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), binding.agency(), binding.source(), role);
        return new EnvelopeReport(form.name(), method, digest, signer, path.chainSubjects(), path.chainStatus(),
                path.revocationStatus(), PdfVerifier.outcome(reasons), List.copyOf(reasons));
    }

    /** Checks the one accepted shape; returns the digest method. */
    private static String shape(XMLSignature signature, boolean allowSha1, List<Reason> reasons) {
        String c14n = signature.getSignedInfo().getCanonicalizationMethod().getAlgorithm();
        if (!CANONICALIZATIONS.contains(c14n)) {
            reasons.add(Reason.error(ReasonCode.UNSUPPORTED_SIGNATURE_SHAPE, "canonicalization " + c14n));
        }
        String method = signature.getSignedInfo().getSignatureMethod().getAlgorithm();
        if (SHA1_SIGNATURES.contains(method)) {
            reasons.add(allowSha1 ? Reason.warning(ReasonCode.WEAK_ALGORITHM, method)
                    : Reason.error(ReasonCode.WEAK_ALGORITHM, method));
        } else if (!STRONG_SIGNATURES.contains(method)) {
            reasons.add(Reason.error(ReasonCode.UNSUPPORTED_SIGNATURE_METHOD, method
                    + (method.contains("hmac") ? " (an HMAC proves nothing to a third party)" : "")));
        }
        List<?> references = signature.getSignedInfo().getReferences();
        if (references.size() != 1) {
            reasons.add(Reason.error(ReasonCode.UNSUPPORTED_SIGNATURE_SHAPE, references.size()
                    + " references; exactly one, URI=\"\", is accepted"));
        }
        String digest = null;
        for (Object o : references) {
            Reference reference = (Reference) o;
            digest = reference.getDigestMethod().getAlgorithm();
            if (!"".equals(reference.getURI())) {
                reasons.add(Reason.error(ReasonCode.UNSUPPORTED_SIGNATURE_SHAPE, "reference URI \"" + reference.getURI()
                        + "\"; only the whole package (URI=\"\") is accepted"));
            }
            List<?> transforms = reference.getTransforms();
            boolean enveloped = !transforms.isEmpty()
                    && Transform.ENVELOPED.equals(((Transform) transforms.get(0)).getAlgorithm());
            boolean rest = transforms.size() <= 2 && transforms.stream().skip(1)
                    .allMatch(t -> CANONICALIZATIONS.contains(((Transform) t).getAlgorithm()));
            if (!enveloped || !rest) {
                reasons.add(Reason.error(ReasonCode.UNSUPPORTED_SIGNATURE_SHAPE, "transforms must be enveloped-signature, "
                        + "then at most one canonicalization"));
            }
            if (DigestMethod.SHA1.equals(digest)) {
                reasons.add(allowSha1 ? Reason.warning(ReasonCode.WEAK_ALGORITHM, digest) : Reason.error(ReasonCode.WEAK_ALGORITHM, digest));
            } else if (!STRONG_DIGESTS.contains(digest)) {
                reasons.add(Reason.error(ReasonCode.UNSUPPORTED_ALGORITHM, "digest " + digest));
            }
        }
        return digest;
    }

    private static X509Certificate certificate(KeyInfo keyInfo) {
        if (keyInfo == null) {
            return null;
        }
        for (Object content : keyInfo.getContent()) {
            if (content instanceof X509Data data) {
                for (Object o : data.getContent()) {
                    if (o instanceof X509Certificate c) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() { // the default one prints to stderr; the report says it all
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder;
    }

    private static EnvelopeReport indeterminate(SignatureForm form, Reason reason) {
        return new EnvelopeReport(form.name(), null, null, null, null, null, null, Outcome.INDETERMINATE, List.of(reason));
    }

    private static EnvelopeReport invalid(SignatureForm form, String method, String digest, Reason reason) {
        return new EnvelopeReport(form.name(), method, digest, null, null, null, null, Outcome.INVALID, List.of(reason));
    }

    /** Gives the validator the KeyInfo certificate's key, once the certificate is chosen; no other key. */
    private static final class CertificateKeySelector extends KeySelector {
        X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (certificate == null) {
                throw new KeySelectorException("no certificate");
            }
            Key key = certificate.getPublicKey();
            return () -> key;
        }

        List<X509Certificate> others(KeyInfo keyInfo) {
            List<X509Certificate> all = new ArrayList<>();
            if (keyInfo != null) {
                for (Object content : keyInfo.getContent()) {
                    if (content instanceof X509Data data) {
                        for (Object o : data.getContent()) {
                            if (o instanceof X509Certificate c && c != certificate) {
                                all.add(c);
                            }
                        }
                    }
                }
            }
            return all;
        }
    }
}
