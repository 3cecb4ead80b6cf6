package vn.docaxis.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import vn.docaxis.platform.Certificates;

/**
 * Reads the axis's own signed XML back and checks its signature: the one reference must be the
 * whole document, and the certificate in KeyInfo must be one the axis signed with.
 */
final class SignedXml {

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");
    /** Bouncy Castle, which both signs evidence and checks it back: its P-256 is several times faster than JDK 17's. */
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    /** The axis's public keys as Bouncy Castle objects, converted once (see {@link XmlSigner}). */
    private static final Map<String, PublicKey> OWN_KEYS = new ConcurrentHashMap<>();

    private SignedXml() {
    }

    private static final DefaultHandler QUIET = new DefaultHandler();

    /** One builder per thread: finding and configuring a factory costs more than a parse. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No namespace-aware XML parser: " + e.getMessage(), e);
        }
    });

    /** The parsed document, whatever its signature; {@link CheckFailed} when it is not XML at all. */
    static Document parse(byte[] xml) {
        DocumentBuilder builder = BUILDERS.get();
        builder.setErrorHandler(QUIET); // reset() brings back the handler that prints to stderr
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new CheckFailed("not well-formed XML: " + e.getMessage());
        } finally {
            builder.reset();
        }
    }

    /** Checks the enveloped signature; throws {@link CheckFailed} saying why it does not hold. */
    static void verify(Document doc, Set<String> axisFingerprints) {
        NodeList signatures = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1 || signatures.item(0).getParentNode() != doc.getDocumentElement()) {
            throw new CheckFailed("expected exactly one signature, a child of the root element");
        }
        DOMValidateContext context = new DOMValidateContext(new AxisKeySelector(axisFingerprints), signatures.item(0));
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        context.setProperty("org.jcp.xml.dsig.internal.dom.SignatureProvider", BOUNCY_CASTLE);
        try {
            XMLSignature signature = FACTORY.unmarshalXMLSignature(context);
            if (signature.getSignedInfo().getReferences().size() != 1
                    || !"".equals(((Reference) signature.getSignedInfo().getReferences().get(0)).getURI())) {
                throw new CheckFailed("the signature must cover the whole document (one reference, URI=\"\")");
            }
            if (!signature.validate(context)) {
                throw new CheckFailed("the signature does not verify: the evidence was changed after signing");
            }
        } catch (XMLSignatureException | MarshalException e) {
            throw new CheckFailed("the signature cannot be checked: " + e.getMessage());
        }
    }

    /**
     * The key as the provider's own object, converted once: handed a foreign key, Bouncy Castle
     * converts it on every use and rebuilds its precomputed table of the curve's base point.
     */
    @SuppressWarnings("unchecked")
    static <K extends Key> K providerKey(K key, Provider provider) {
        try {
            return (K) KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
        } catch (GeneralSecurityException | ClassCastException e) {
            return key; // the provider uses it as it is, only slower
        }
    }

    /** The text of a direct child of the root element, or null. */
    static String child(Document doc, String name) {
        NodeList list = doc.getDocumentElement().getElementsByTagNameNS(EvidenceXml.NS, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == doc.getDocumentElement()) {
                return ((Element) list.item(i)).getTextContent();
            }
        }
        return null;
    }

    /** Why a signed XML does not check out, in words for the report. */
    static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static final class AxisKeySelector extends KeySelector {
        private final Set<String> fingerprints;

        AxisKeySelector(Set<String> fingerprints) {
            this.fingerprints = fingerprints;
        }

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (keyInfo != null) {
                for (Object item : keyInfo.getContent()) {
                    if (item instanceof X509Data data) {
                        for (Object o : data.getContent()) {
                            if (o instanceof X509Certificate c && fingerprints.contains(Certificates.fingerprint(c))) {
                                Key key = OWN_KEYS.computeIfAbsent(Certificates.fingerprint(c), f -> providerKey(c.getPublicKey(), BOUNCY_CASTLE));
                                return () -> key;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("not signed with a key of this axis");
        }
    }
}
