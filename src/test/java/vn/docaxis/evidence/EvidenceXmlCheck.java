package vn.docaxis.evidence;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * An independent check of an evidence file, as an auditor's own tool would do it: the JDK's
 * XML-DSig API and the axis certificate, nothing of the service's code.
 */
final class EvidenceXmlCheck {

    static final String NS = "urn:docaxis:evidence:1";

    private EvidenceXmlCheck() {
    }

    static X509Certificate certificate(byte[] pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }

    /** Parses the file and checks its signature with the given certificate's key; false when it does not hold. */
    static boolean signatureHolds(byte[] xml, X509Certificate axis) throws Exception {
        Document doc = parse(xml);
        NodeList signatures = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            return false;
        }
        DOMValidateContext context = new DOMValidateContext(axis.getPublicKey(), signatures.item(0));
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        return signature.validate(context);
    }

    static String text(byte[] xml, String element) throws Exception {
        NodeList list = parse(xml).getElementsByTagNameNS(NS, element);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    /** Validates against schemas/evidence.xsd; throws saying what is wrong. */
    static void validate(byte[] xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(EvidenceXmlCheck.class.getResource("/schemas/evidence.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
