package vn.docaxis.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * PDFs made and signed in the tests with PDFBox and Bouncy Castle, as a document-management
 * system would: a signature per incremental revision. Knobs produce every mis-signing the
 * verifier must catch. TEST MATERIAL ONLY.
 */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** Who signs: a certificate, its key, and the certificates to carry in the CMS. */
    public record Signer(TestPki.Issued issued, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return issued.certificate();
        }

        public PrivateKey key() {
            return issued.key();
        }
    }

    /** How to sign. The defaults make a correct PAdES signature. */
    public static final class Options {
        String subFilter = "ETSI.CAdES.detached";
        String digest = "SHA-256";
        boolean signingCertificateV2 = true;
        X509Certificate signingCertificateNames;
        Signer secondSigner;
        TestPki.Issued tsa;
        Date timestampTime;
        byte[] timestampOver;
        String name = "Signature";
        Date signDate = new Date();

        public static Options pades() {
            return new Options();
        }

        public Options subFilter(String s) {
            subFilter = s;
            return this;
        }

        public Options digest(String d) {
            digest = d;
            return this;
        }

        public Options withoutSigningCertificateV2() {
            signingCertificateV2 = false;
            return this;
        }

        /** The signing-certificate-v2 attribute names this certificate instead of the signer's. */
        public Options signingCertificateNaming(X509Certificate other) {
            signingCertificateNames = other;
            return this;
        }

        public Options withSecondSignerInfo(Signer other) {
            secondSigner = other;
            return this;
        }

        public Options timestampedBy(TestPki.Issued tsa) {
            this.tsa = tsa;
            return this;
        }

        /** The timestamp says this time (the TSA must have been valid then). */
        public Options timestampAt(Date when) {
            timestampTime = when;
            return this;
        }

        /** The timestamp is made for other bytes than the signature value. */
        public Options timestampOverOtherData() {
            timestampOver = "other data".getBytes(StandardCharsets.US_ASCII);
            return this;
        }

        public Options named(String n) {
            name = n;
            return this;
        }
    }

    /** A one-page PDF with some text. */
    public static byte[] document(String text, int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 13);
                    content.newLineAtOffset(72, 770);
                    content.showText(text + (pages > 1 ? " - page " + (i + 1) : ""));
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] document(String text) {
        return document(text, 1);
    }

    /** Adds a signature as an incremental update. */
    /** A one-page document carrying a scan of {@code size} random bytes as an embedded file: a large PDF. */
    public static byte[] scan(long size) {
        byte[] scan = new byte[(int) size];
        new java.util.Random(50).nextBytes(scan);
        try (PDDocument doc = Loader.loadPDF(document("Ban chup van ban"));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var file = new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                    new java.io.ByteArrayInputStream(scan));
            file.setSubtype("image/tiff");
            var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            spec.setFile("scan.tif");
            spec.setEmbeddedFile(file);
            var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("scan.tif", spec));
            var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static byte[] sign(byte[] pdf, Signer signer, Options options) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName(options.subFilter));
            signature.setName(options.name);
            Calendar when = Calendar.getInstance();
            when.setTime(options.signDate);
            signature.setSignDate(when);
            SignatureOptions signatureOptions = new SignatureOptions();
            signatureOptions.setPreferredSignatureSize(16384);
            doc.addSignature(signature, content -> cms(content, signer, options), signatureOptions);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sign(byte[] pdf, Signer signer) {
        return sign(pdf, signer, Options.pades());
    }

    /** Appends an incremental update made by PDFBox after editing the document: the attacks of check 5. */
    public static byte[] update(byte[] pdf, Consumer<PDDocument> edit) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(doc);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CMS of a detached signature over {@code content}. */
    static byte[] cms(InputStream content, Signer signer, Options options) throws IOException {
        try {
            byte[] data = content.readAllBytes();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            addSigner(generator, signer, options);
            if (options.secondSigner != null) {
                addSigner(generator, options.secondSigner, Options.pades());
            }
            List<X509Certificate> certificates = new ArrayList<>(signer.chain());
            if (options.secondSigner != null) {
                certificates.addAll(options.secondSigner.chain());
            }
            generator.addCertificates(new JcaCertStore(certificates));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
            if (options.tsa != null) {
                signed = timestamped(signed, options);
            }
            return signed.getEncoded();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void addSigner(CMSSignedDataGenerator generator, Signer signer, Options options) throws Exception {
        String keyType = signer.key().getAlgorithm().equals("EC") ? "ECDSA" : "RSA";
        var contentSigner = new JcaContentSignerBuilder(options.digest.replace("-", "") + "with" + keyType).build(signer.key());
        JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
        if (options.signingCertificateV2) {
            X509Certificate named = options.signingCertificateNames != null ? options.signingCertificateNames : signer.certificate();
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(named)}))));
            builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)));
        }
        generator.addSignerInfoGenerator(builder.build(contentSigner, signer.certificate()));
    }

    private static ESSCertIDv2 essCertId(X509Certificate certificate) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        return new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
    }

    /** Adds an RFC 3161 signature timestamp (unsigned attribute) from a test TSA. */
    private static CMSSignedData timestamped(CMSSignedData signed, Options options) throws Exception {
        TestPki.Issued tsa = options.tsa;
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(options.timestampOver != null ? options.timestampOver
                : si.getSignature());
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", tsa.key(), tsa.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(
                        OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        generator.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true); // ask the TSA to include its certificate, as signing tools do
        var request = requests.generate(TSPAlgorithms.SHA256, imprint);
        var token = generator.generate(request, BigInteger.valueOf(System.nanoTime()),
                options.timestampTime != null ? options.timestampTime : new Date());
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token.getEncoded()))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    // ---- byte-level tampering of a signed file ----

    public static byte[] flipByte(byte[] pdf, int position) {
        byte[] copy = pdf.clone();
        copy[position] ^= 0x01;
        return copy;
    }

    public static byte[] append(byte[] pdf, String text) {
        byte[] tail = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[pdf.length + tail.length];
        System.arraycopy(pdf, 0, out, 0, pdf.length);
        System.arraycopy(tail, 0, out, pdf.length, tail.length);
        return out;
    }

    /** Replaces the first occurrence of {@code from} (after {@code after}) by {@code to} of the same length. */
    public static byte[] replaceSameLength(byte[] pdf, String from, String to, int after) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("lengths differ");
        }
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(from, after);
        if (at < 0) {
            throw new IllegalArgumentException("not found: " + from);
        }
        return (s.substring(0, at) + to + s.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The /ByteRange of the last signature, as written: "[0 b c d]" with its padding. */
    public static String lastByteRange(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("/ByteRange");
        int open = s.indexOf('[', at);
        int close = s.indexOf(']', open);
        return s.substring(open, close + 1);
    }

    public static long[] lastByteRangeValues(byte[] pdf) {
        String[] parts = lastByteRange(pdf).replace("[", "").replace("]", "").trim().split("\\s+");
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            r[i] = Long.parseLong(parts[i]);
        }
        return r;
    }

    public static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
