package vn.docaxis.signature;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 signature timestamp: its imprint must be the hash of the signature value, its
 * signature and ESS binding must verify (Bouncy Castle checks the timeStamping key purpose), and
 * the TSA certificate must chain to a trust anchor at the time stamped. Only then is the time
 * trusted.
 */
final class TimestampCheck {

    record Result(Instant trustedTime, List<Reason> reasons) {
    }

    private TimestampCheck() {
    }

    /** A signature timestamp: its imprint must be the hash of {@code signatureValue}. */
    static Result verify(TimeStampToken token, byte[] signatureValue, Instant now, TrustMaterial trust) {
        try {
            String imprintAlgorithm = Algorithms.digest(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
            if (imprintAlgorithm == null) {
                return invalid("the timestamp imprint uses an unknown digest");
            }
            byte[] expected = MessageDigest.getInstance(imprintAlgorithm).digest(signatureValue);
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                return invalid("the timestamp was made for another signature value");
            }
        } catch (Exception e) {
            return invalid("the timestamp imprint cannot be checked: " + e.getMessage());
        }
        return verifyToken(token, now, trust);
    }

    /** The token itself: its signature, ESS binding, key purpose, and the TSA's path at the time stamped. */
    static Result verifyToken(TimeStampToken token, Instant now, TrustMaterial trust) {
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                return invalid("the timestamp does not carry its TSA certificate");
            }
            X509CertificateHolder tsaHolder = matches.iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaHolder));
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate tsa = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(tsaHolder.getEncoded()));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> carried = token.getCertificates().getMatches(null);
            List<X509Certificate> extra = carried.stream().map(h -> {
                try {
                    return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(h.getEncoded()));
                } catch (Exception e) {
                    return null;
                }
            }).filter(Objects::nonNull).toList();
            Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
            CertificateCheck.Result path = CertificateCheck.path(tsa, extra, genTime, now, trust);
            List<Reason> errors = path.reasons().stream().filter(Reason::isError).toList();
            if (!errors.isEmpty()) {
                return invalid("the TSA certificate does not validate: " + errors.stream()
                        .map(r -> r.code() + " " + r.message()).collect(Collectors.joining("; ")));
            }
            return new Result(genTime, List.of());
        } catch (Exception e) {
            return invalid("the timestamp does not verify: " + e.getMessage());
        }
    }

    private static Result invalid(String message) {
        return new Result(null, List.of(Reason.error(ReasonCode.TIMESTAMP_INVALID, message)));
    }
}
