package vn.docaxis.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.docaxis.edxml.Edxml;

/** Enveloped XML signatures over edXML packages, made with the JDK's XML-DSig API. TEST MATERIAL ONLY. */
public final class TestEnvelopes {

    public enum Variant {
        /** RSA-SHA256, one reference URI="" with enveloped-signature and exc-C14N. */
        STANDARD,
        /** An HMAC instead of a public-key signature. */
        HMAC,
        /** A second reference besides the whole package. */
        EXTRA_REFERENCE,
        /** A KeyInfo naming a key instead of carrying the certificate. */
        KEY_NAME_ONLY
    }

    private TestEnvelopes() {
    }

    public static byte[] sign(byte[] packageXml, TestPki.Issued signer, Variant variant) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(packageXml));
            Element header = (Element) doc.getElementsByTagNameNS(Edxml.NS, "edXMLHeader").item(0);
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            List<Transform> transforms = List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                    f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
            List<Reference> references = new ArrayList<>();
            references.add(f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null));
            if (variant == Variant.EXTRA_REFERENCE) {
                references.add(f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
                        List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, "second"));
            }
            String method = variant == Variant.HMAC ? SignatureMethod.HMAC_SHA256 : SignatureMethod.RSA_SHA256;
            SignedInfo signedInfo = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(method, null), references);
            KeyInfoFactory kif = f.getKeyInfoFactory();
            var keyInfo = variant == Variant.KEY_NAME_ONLY ? kif.newKeyInfo(List.of(kif.newKeyName("seal of the sender")))
                    : kif.newKeyInfo(List.of(kif.newX509Data(List.of(signer.certificate()))));
            Key key = variant == Variant.HMAC ? new SecretKeySpec("shared-secret-32-bytes-long!!!!!".getBytes(), "HmacSHA256")
                    : signer.key();
            f.newXMLSignature(signedInfo, keyInfo).sign(new DOMSignContext(key, header));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same signature written in the QCVN namespace, as the legacy SDK does: not verifiable as XML-DSig. */
    public static byte[] legacyNamespace(byte[] signedPackage) {
        String xml = new String(signedPackage, StandardCharsets.UTF_8);
        return xml.replace("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">", "<Signature>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
