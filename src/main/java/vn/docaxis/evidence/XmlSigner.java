package vn.docaxis.evidence;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/**
 * Signs the axis's own XML (evidence, checkpoints) with an enveloped XML-DSig over the whole
 * document ({@code URI=""}, exclusive c14n, SHA-256, RSA or ECDSA), the certificate in KeyInfo:
 * the form {@code xmlsec1 --verify --trusted-pem axis.pem} checks without any help.
 */
final class XmlSigner {

    static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");
    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

    /** The JDK's XML-DSig looks the JCA signature up under this property when it is set. */
    private static final String PROVIDER_PROPERTY = "org.jcp.xml.dsig.internal.dom.SignatureProvider";

    private final PrivateKey key;
    private final Provider provider;
    private final String method;
    private final KeyInfo keyInfo;

    /**
     * @param provider the JCA provider that signs; Bouncy Castle's ECDSA is about twice as fast as
     *                 the JDK 17 one, which matters at one signature per evidence
     */
    XmlSigner(PrivateKey key, X509Certificate certificate, Provider provider) {
        this.key = key;
        this.provider = provider;
        this.method = key.getAlgorithm().equals("EC") ? ECDSA_SHA256 : RSA_SHA256;
        KeyInfoFactory keys = FACTORY.getKeyInfoFactory();
        keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(certificate))));
        signedInfo(); // fails now, not at the first evidence, if the JDK lacks an algorithm
    }

    /** A new one per signature: a Reference keeps the digest it computed and would reuse it. */
    private SignedInfo signedInfo() {
        try {
            Reference whole = FACTORY.newReference("", FACTORY.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            return FACTORY.newSignedInfo(
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    FACTORY.newSignatureMethod(method, null), List.of(whole));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks XML-DSig algorithms the evidence needs", e);
        }
    }

    /** Appends the signature to the document element and returns the document's bytes (UTF-8). */
    byte[] sign(Document document) {
        try {
            DOMSignContext context = new DOMSignContext(key, document.getDocumentElement());
            context.setDefaultNamespacePrefix("ds");
            context.setProperty(PROVIDER_PROPERTY, provider);
            FACTORY.newXMLSignature(signedInfo(), keyInfo).sign(context);
            return serialize(document);
        } catch (MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("Cannot sign evidence: " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            Transformer transformer = TRANSFORMERS.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot write evidence XML", e);
        }
    }
}
