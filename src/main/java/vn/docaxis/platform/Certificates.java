package vn.docaxis.platform;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;

/** X.509 certificates and CRLs from PEM or DER, and their SHA-256 fingerprints. */
public final class Certificates {

    private Certificates() {
    }

    /** Exactly one certificate, PEM or DER; otherwise INVALID_CERTIFICATE. */
    public static X509Certificate parseOne(byte[] body) {
        try {
            Collection<? extends Certificate> certificates = factory()
                    .generateCertificates(new ByteArrayInputStream(body));
            if (certificates.size() != 1) {
                throw new ProblemException(ErrorCode.INVALID_CERTIFICATE, "Send exactly one certificate, found "
                        + certificates.size());
            }
            return (X509Certificate) certificates.iterator().next();
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException(ErrorCode.INVALID_CERTIFICATE, "The body is not an X.509 certificate in PEM or DER");
        }
    }

    /** A certificate from its DER encoding (as stored); a stored value that no longer parses is a bug. */
    public static X509Certificate fromDer(byte[] der) {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("A stored certificate does not parse", e);
        }
    }

    /** Exactly one CRL, PEM or DER; otherwise INVALID_CRL. */
    public static X509CRL parseCrl(byte[] body) {
        try {
            Collection<? extends CRL> crls = factory().generateCRLs(new ByteArrayInputStream(body));
            if (crls.size() != 1) {
                throw new ProblemException(ErrorCode.INVALID_CRL, "Send exactly one CRL, found " + crls.size());
            }
            return (X509CRL) crls.iterator().next();
        } catch (CRLException | CertificateException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException(ErrorCode.INVALID_CRL, "The body is not an X.509 CRL in PEM or DER");
        }
    }

    public static X509CRL crlFromDer(byte[] der) {
        try {
            return (X509CRL) factory().generateCRL(new ByteArrayInputStream(der));
        } catch (CRLException | CertificateException e) {
            throw new IllegalStateException("A stored CRL does not parse", e);
        }
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fingerprint(X509CRL crl) {
        try {
            return sha256(crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String serialHex(BigInteger serial) {
        return serial.toString(16).toUpperCase();
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
