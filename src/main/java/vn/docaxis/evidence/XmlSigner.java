package vn.docaxis.evidence;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Signs the axis's own XML (evidence, checkpoints) with an enveloped XML-DSig over the whole
 * document ({@code URI=""}, exclusive c14n, SHA-256, ECDSA or RSA), the certificate in KeyInfo:
 * the form {@code xmlsec1 --verify --trusted-pem axis.pem} checks without any help.
 *
 * <p>The document arrives already in canonical form ({@link EvidenceXml}), so the reference's
 * digest is the SHA-256 of its bytes, and SignedInfo is written here in its canonical form too:
 * no DOM, no canonicalizer, one signature. The tests verify every such file with the JDK's
 * XML-DSig implementation and with xmlsec1.
 */
final class XmlSigner {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private final PrivateKey key;
    private final Provider provider;
    private final boolean ec;
    private final String keyInfo;

    /**
     * @param provider the JCA provider that signs; Bouncy Castle's ECDSA is about twice as fast as
     *                 the JDK 17 one, which matters at one signature per evidence
     */
    XmlSigner(PrivateKey key, X509Certificate certificate, Provider provider) {
        this.key = SignedXml.providerKey(key, provider);
        this.provider = provider;
        this.ec = key.getAlgorithm().equals("EC");
        try {
            this.keyInfo = "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                    + Base64.getEncoder().encodeToString(certificate.getEncoded())
                    + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed document's bytes (UTF-8, with an XML declaration). */
    byte[] sign(EvidenceXml.Unsigned document) {
        try {
            String closing = "</" + document.root() + ">";
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((document.body() + closing).getBytes(StandardCharsets.UTF_8));
            String signedInfo = "<ds:CanonicalizationMethod Algorithm=\"" + EXC_C14N + "\"></ds:CanonicalizationMethod>"
                    + "<ds:SignatureMethod Algorithm=\"" + (ec ? ECDSA_SHA256 : RSA_SHA256) + "\"></ds:SignatureMethod>"
                    + "<ds:Reference URI=\"\"><ds:Transforms>"
                    + "<ds:Transform Algorithm=\"" + ENVELOPED + "\"></ds:Transform>"
                    + "<ds:Transform Algorithm=\"" + EXC_C14N + "\"></ds:Transform></ds:Transforms>"
                    + "<ds:DigestMethod Algorithm=\"" + SHA256 + "\"></ds:DigestMethod>"
                    + "<ds:DigestValue>" + Base64.getEncoder().encodeToString(digest) + "</ds:DigestValue>"
                    + "</ds:Reference></ds:SignedInfo>";
            // exclusive c14n of SignedInfo alone declares the ds prefix on it; in the document it is inherited
            byte[] canonicalSignedInfo = ("<ds:SignedInfo xmlns:ds=\"" + DSIG + "\">" + signedInfo)
                    .getBytes(StandardCharsets.UTF_8);
            Signature signature = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA", provider);
            signature.initSign(key);
            signature.update(canonicalSignedInfo);
            byte[] value = ec ? concatenated(signature.sign(), fieldBytes()) : signature.sign();
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document.body()
                    + "<ds:Signature xmlns:ds=\"" + DSIG + "\"><ds:SignedInfo>" + signedInfo
                    + "<ds:SignatureValue>" + Base64.getEncoder().encodeToString(value) + "</ds:SignatureValue>"
                    + keyInfo + "</ds:Signature>" + closing;
            return xml.getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign evidence: " + e.getMessage(), e);
        }
    }

    private int fieldBytes() {
        return (((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize() + 7) / 8;
    }

    /** XML-DSig wants ECDSA as r || s, each the field's length; JCA gives DER. */
    private static byte[] concatenated(byte[] der, int length) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] out = new byte[2 * length];
        fixed(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), out, 0, length);
        fixed(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), out, length, length);
        return out;
    }

    private static void fixed(BigInteger n, byte[] out, int offset, int length) {
        byte[] bytes = n.toByteArray();
        int start = bytes.length > length ? bytes.length - length : 0; // drop the sign byte
        int count = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + length - count, count);
    }
}
