package vn.docaxis.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Check 7 of SIGNATURES.md on the bytes of /Contents. Bouncy Castle only parses; digests and
 * signatures are computed with the JDK's providers (several times faster for SHA-256).
 */
final class CmsCheck {

    static final ASN1ObjectIdentifier SIGNATURE_TIMESTAMP = PKCSObjectIdentifiers.id_aa_signatureTimeStampToken;

    /**
     * @param signer the signer certificate found in the CMS, null when there is none
     * @param timestamp the signature timestamp token, when present (validated separately)
     */
    record Result(X509Certificate signer, List<X509Certificate> certificates, String digestAlgorithm,
                  String signatureAlgorithm, Instant claimedSigningTime, byte[] signatureValue, TimeStampToken timestamp,
                  List<Reason> reasons) {
    }

    private CmsCheck() {
    }

    /**
     * @param contents the decoded /Contents, padding included
     * @param digestOfSignedBytes computes the digest of the signed byte ranges with a JCA digest name
     * @param pades whether /SubFilter is ETSI.CAdES.detached (the ESS attribute is then mandatory)
     */
    static Result verify(byte[] contents, Function<String, byte[]> digestOfSignedBytes, boolean pades) {
        List<Reason> reasons = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(contents);
        ASN1Primitive first;
        try (ASN1InputStream asn1 = new ASN1InputStream(in, contents.length)) {
            first = asn1.readObject();
        } catch (IOException | RuntimeException e) {
            return failed(reasons, ReasonCode.CMS_MALFORMED, "/Contents does not start with a DER object: " + e.getMessage());
        }
        if (first == null) {
            return failed(reasons, ReasonCode.CMS_MALFORMED, "/Contents is empty");
        }
        byte[] rest = in.readAllBytes();
        for (byte b : rest) {
            if (b != 0) {
                reasons.add(Reason.error(ReasonCode.CONTENTS_PADDING_NOT_ZERO, rest.length
                        + " bytes follow the CMS in /Contents and not all of them are zero"));
                break;
            }
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(ContentInfo.getInstance(first));
        } catch (CMSException | RuntimeException e) {
            return failed(reasons, ReasonCode.CMS_MALFORMED, "/Contents is not a CMS SignedData");
        }
        if (!cms.isDetachedSignature()) {
            reasons.add(Reason.error(ReasonCode.CMS_STRUCTURE_INVALID, "the CMS encapsulates content; a PDF signature is detached"));
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return failed(reasons, ReasonCode.CMS_STRUCTURE_INVALID, "the CMS holds " + signers.size()
                    + " SignerInfos; exactly one is allowed");
        }
        SignerInformation si = signers.iterator().next();
        List<X509Certificate> certificates = certificates(cms);
        X509Certificate signer = signerCertificate(cms, si, certificates);
        String digestOid = si.getDigestAlgOID();
        String digestName = Algorithms.digest(digestOid);
        if (digestName == null) {
            return failed(reasons, ReasonCode.UNSUPPORTED_ALGORITHM, "digest algorithm " + digestOid);
        }
        if (Algorithms.weakDigest(digestOid)) {
            reasons.add(Reason.error(ReasonCode.WEAK_ALGORITHM, "SHA-1 digest; SHA-256, SHA-384 or SHA-512 is required"));
        }
        AttributeTable signed = si.getSignedAttributes();
        if (signed == null) {
            return failed(reasons, ReasonCode.CMS_STRUCTURE_INVALID, "the SignerInfo has no signed attributes");
        }
        Attribute md = signed.get(CMSAttributes.messageDigest);
        byte[] computed = digestOfSignedBytes.apply(digestName);
        if (md == null || md.getAttrValues().size() != 1
                || !MessageDigest.isEqual(computed, ASN1OctetString.getInstance(
                md.getAttrValues().getObjectAt(0)).getOctets())) {
            reasons.add(Reason.error(ReasonCode.DIGEST_MISMATCH, "the " + digestName
                    + " of the signed byte ranges differs from the signed messageDigest attribute"));
        }
        Algorithms.Signature algorithm = Algorithms.signature(digestOid, si.getEncryptionAlgOID(), parameters(si));
        String algorithmName = algorithm == null ? si.getEncryptionAlgOID() : algorithm.jcaName();
        if (signer == null) {
            reasons.add(Reason.error(ReasonCode.CMS_STRUCTURE_INVALID, "the signer certificate is not in the CMS"));
        } else if (algorithm == null) {
            reasons.add(Reason.error(ReasonCode.UNSUPPORTED_ALGORITHM, "signature algorithm " + si.getEncryptionAlgOID()));
        } else {
            if (algorithm.weak() && !Algorithms.weakDigest(digestOid)) {
                reasons.add(Reason.error(ReasonCode.WEAK_ALGORITHM, algorithm.jcaName()));
            }
            if (!signatureVerifies(si, signer, algorithm)) {
                reasons.add(Reason.error(ReasonCode.SIGNATURE_INVALID, "the signature over the signed attributes does not "
                        + "verify with the key of " + signer.getSubjectX500Principal().getName()));
            }
            essSigningCertificate(signed, signer, pades, reasons);
        }
        TimeStampToken timestamp = null;
        AttributeTable unsigned = si.getUnsignedAttributes();
        if (unsigned != null && unsigned.get(SIGNATURE_TIMESTAMP) != null) {
            try {
                timestamp = new TimeStampToken(ContentInfo.getInstance(unsigned.get(SIGNATURE_TIMESTAMP).getAttrValues()
                        .getObjectAt(0)));
            } catch (Exception e) {
                reasons.add(Reason.error(ReasonCode.TIMESTAMP_INVALID, "the signature timestamp is not a timestamp token"));
            }
        }
        return new Result(signer, certificates, digestName, algorithmName, signingTime(signed), si.getSignature(), timestamp,
                reasons);
    }

    private static boolean signatureVerifies(SignerInformation si, X509Certificate signer, Algorithms.Signature algorithm) {
        try {
            Signature s = Signature.getInstance(algorithm.jcaName());
            if (algorithm.parameters() != null) {
                s.setParameter(algorithm.parameters());
            }
            s.initVerify(signer.getPublicKey());
            s.update(si.getEncodedSignedAttributes());
            return s.verify(si.getSignature());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The ESS signing-certificate attribute binds the signed attributes to one certificate; Bouncy
     * Castle does not check it. v2 (any hash) is preferred; v1 (SHA-1 hash) is read too.
     */
    private static void essSigningCertificate(AttributeTable signed, X509Certificate signer, boolean pades, List<Reason> reasons) {
        Attribute v2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        Attribute v1 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        try {
            byte[] der = signer.getEncoded();
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                String hash = Algorithms.digest(id.getHashAlgorithm().getAlgorithm().getId());
                if (hash == null || !Arrays.equals(MessageDigest.getInstance(hash).digest(der), id.getCertHash())
                        || !issuerSerialMatches(id.getIssuerSerial(), signer)) {
                    reasons.add(Reason.error(ReasonCode.SIGNING_CERTIFICATE_MISMATCH,
                            "the signing-certificate-v2 attribute does not name the signer certificate"));
                }
                return;
            }
            if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                if (!Arrays.equals(MessageDigest.getInstance("SHA-1").digest(der), id.getCertHash())
                        || !issuerSerialMatches(id.getIssuerSerial(), signer)) {
                    reasons.add(Reason.error(ReasonCode.SIGNING_CERTIFICATE_MISMATCH,
                            "the signing-certificate attribute does not name the signer certificate"));
                }
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            reasons.add(Reason.error(ReasonCode.SIGNING_CERTIFICATE_MISMATCH, "the signing-certificate attribute is unreadable"));
            return;
        }
        if (pades) {
            reasons.add(Reason.error(ReasonCode.SIGNING_CERTIFICATE_MISSING, "PAdES (ETSI.CAdES.detached) requires the "
                    + "signing-certificate-v2 attribute"));
        } else {
            reasons.add(Reason.warning(ReasonCode.SIGNING_CERTIFICATE_MISSING, "adbe.pkcs7.detached without the "
                    + "signing-certificate attribute: the signer is identified by issuer and serial"));
        }
    }

    private static boolean issuerSerialMatches(IssuerSerial issuerSerial, X509Certificate signer) {
        if (issuerSerial == null) {
            return true;
        }
        if (!issuerSerial.getSerial().getValue().equals(signer.getSerialNumber())) {
            return false;
        }
        for (GeneralName name : issuerSerial.getIssuer().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName) {
                try {
                    return new X500Principal(name.getName().toASN1Primitive().getEncoded())
                            .equals(signer.getIssuerX500Principal());
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation si, List<X509Certificate> all) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(si.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        try {
            byte[] der = matches.iterator().next().getEncoded();
            for (X509Certificate c : all) {
                if (Arrays.equals(c.getEncoded(), der)) {
                    return c;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
        return null;
    }

    static List<X509Certificate> certificates(CMSSignedData cms) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(null);
            for (X509CertificateHolder h : holders) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(h.getEncoded())));
            }
        } catch (IOException | GeneralSecurityException e) {
            // an unreadable certificate is as good as absent
        }
        return certificates;
    }

    private static Instant signingTime(AttributeTable signed) {
        Attribute t = signed.get(CMSAttributes.signingTime);
        if (t == null || t.getAttrValues().size() != 1) {
            return null;
        }
        try {
            ASN1Encodable v = t.getAttrValues().getObjectAt(0);
            return v instanceof ASN1UTCTime utc ? utc.getAdjustedDate().toInstant() : Time.getInstance(v).getDate().toInstant();
        } catch (Exception e) {
            return null;
        }
    }

    private static ASN1Encodable parameters(SignerInformation si) {
        try {
            byte[] p = si.getEncryptionAlgParams();
            return p == null ? null : ASN1Primitive.fromByteArray(p);
        } catch (IOException e) {
            return null;
        }
    }

    private static Result failed(List<Reason> reasons, ReasonCode code, String message) {
        reasons.add(Reason.error(code, message));
        return new Result(null, List.of(), null, null, null, null, null, reasons);
    }
}
