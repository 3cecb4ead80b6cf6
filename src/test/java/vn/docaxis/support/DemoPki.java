package vn.docaxis.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import vn.docaxis.platform.Certificates;

/** Reads the demo PKI of samples/pki (DEMO ONLY) to sign as a demo agency would. */
public final class DemoPki {

    private DemoPki() {
    }

    /** The seal of a demo agency, with the issuing CA certificate to carry. */
    public static TestPdfs.Signer agency(String code) {
        return signer("agencies/" + code);
    }

    /** A demo person's signing certificate (samples/pki/people), e.g. {@code nguyen-van-an}. */
    public static TestPdfs.Signer person(String name) {
        return signer("people/" + name);
    }

    private static TestPdfs.Signer signer(String name) {
        Path pki = Path.of(System.getProperty("docaxis.basedir", ".")).resolve("samples/pki");
        try {
            X509Certificate certificate = Certificates.parseOne(Files.readAllBytes(pki.resolve(name + ".pem")));
            X509Certificate issuing = Certificates.parseOne(Files.readAllBytes(pki.resolve("ca/demo-issuing-ca.pem")));
            String pem = Files.readString(pki.resolve(name + ".key.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new TestPdfs.Signer(new TestPki.Issued(certificate, key), List.of(certificate, issuing));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the demo PKI under " + pki.toAbsolutePath(), e);
        }
    }
}
