package vn.docaxis.signature;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/** Digest and signature algorithm identifiers, by OID, as JCA names; which are acceptable. */
final class Algorithms {

    static final String SHA1 = "1.3.14.3.2.26";
    private static final Map<String, String> DIGESTS = Map.of(
            SHA1, "SHA-1",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");
    private static final Map<String, String> SIGNATURE_OIDS = Map.of(
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.2.840.113549.1.1.11", "SHA256withRSA",
            "1.2.840.113549.1.1.12", "SHA384withRSA",
            "1.2.840.113549.1.1.13", "SHA512withRSA",
            "1.2.840.10045.4.1", "SHA1withECDSA",
            "1.2.840.10045.4.3.2", "SHA256withECDSA",
            "1.2.840.10045.4.3.3", "SHA384withECDSA",
            "1.2.840.10045.4.3.4", "SHA512withECDSA");
    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String EC = "1.2.840.10045.2.1";
    private static final String PSS = "1.2.840.113549.1.1.10";

    private Algorithms() {
    }

    /** The JCA digest name, or null when unknown. */
    static String digest(String oid) {
        return DIGESTS.get(oid);
    }

    static boolean weakDigest(String oid) {
        return SHA1.equals(oid);
    }

    /** A signature algorithm the JDK can verify, from a CMS SignerInfo's digest and encryption algorithms. */
    record Signature(String jcaName, AlgorithmParameterSpec parameters) {
        boolean weak() {
            return jcaName.startsWith("SHA1");
        }
    }

    static Signature signature(String digestOid, String encryptionOid, ASN1Encodable encryptionParameters) {
        String named = SIGNATURE_OIDS.get(encryptionOid);
        if (named != null) {
            return new Signature(named, null);
        }
        String digest = DIGESTS.get(digestOid);
        if (digest == null) {
            return null;
        }
        String d = digest.replace("-", "");
        if (RSA.equals(encryptionOid)) {
            return new Signature(d + "withRSA", null);
        }
        if (EC.equals(encryptionOid)) {
            return new Signature(d + "withECDSA", null);
        }
        if (PSS.equals(encryptionOid) && encryptionParameters != null) {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(encryptionParameters);
            String pssDigest = DIGESTS.get(p.getHashAlgorithm().getAlgorithm().getId());
            if (pssDigest == null) {
                return null;
            }
            return new Signature("RSASSA-PSS", new PSSParameterSpec(pssDigest, "MGF1", new MGF1ParameterSpec(pssDigest),
                    p.getSaltLength().intValue(), p.getTrailerField().intValue()));
        }
        return null;
    }
}
