package vn.docaxis.signature;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.jboss.logging.Logger;
import vn.docaxis.agency.AgencyCertificate;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Actor;

/**
 * Fetches CRLs from the distribution points of the registered CA certificates, when enabled (off
 * by default: these networks are often closed). One instance at a time does the work; a CRL is
 * kept only if a registered CA signed it.
 */
@ApplicationScoped
public class CrlFetcher {

    private static final Logger LOG = Logger.getLogger(CrlFetcher.class);
    private static final long LOCK_KEY = 0x646f6361_63726c01L;

    @Inject
    SignatureConfig config;

    @Inject
    TrustStore trust;

    @Inject
    AgroalDataSource dataSource;

    @Scheduled(every = "${docaxis.signature.crl-fetch.every:6h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.crlFetch().enabled()) {
            fetchAll();
        }
    }

    /** Fetches every distribution point once; returns how many new CRLs were kept. */
    public int fetchAll() {
        // a session lock, held on its own connection for the whole run: one instance fetches at a time
        try (Connection c = dataSource.getConnection()) {
            if (!advisory(c, "select pg_try_advisory_lock(?)")) {
                return 0;
            }
            try {
                return fetchEach();
            } finally {
                advisory(c, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            LOG.warnf("CRL fetch skipped: %s", e.getMessage());
            return 0;
        }
    }

    private static boolean advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private int fetchEach() {
        int added = 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.crlFetch().timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (String url : distributionPoints()) {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(config.crlFetch().timeout()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    LOG.warnf("CRL %s: HTTP %d", url, response.statusCode());
                    continue;
                }
                added += trust.addCrl(response.body(), Actor.SERVICE, "FETCHED", url).created() ? 1 : 0;
            } catch (ProblemException e) {
                LOG.warnf("CRL %s refused: %s", url, e.detail());
            } catch (Exception e) {
                LOG.warnf("CRL %s not fetched: %s", url, e.getMessage());
            }
        }
        return added;
    }

    /**
     * The http(s) distribution points named by the registered anchors, intermediates and agency
     * certificates (an issuing CA's own CRL is named by the certificates it issued).
     */
    List<String> distributionPoints() {
        Set<String> urls = new LinkedHashSet<>();
        TrustMaterial material = trust.material();
        List<X509Certificate> certificates = new ArrayList<>();
        material.anchorsBySubject().values().forEach(certificates::addAll);
        material.intermediatesBySubject().values().forEach(certificates::addAll);
        AgencyCertificate.<AgencyCertificate>listAll().stream()
                .filter(c -> c.der != null).map(c -> vn.docaxis.platform.Certificates.fromDer(c.der)).forEach(certificates::add);
        for (X509Certificate certificate : certificates) {
            urls.addAll(distributionPoints(certificate));
        }
        return List.copyOf(urls);
    }

    static List<String> distributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.31");
        if (extension == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(ASN1Primitive.fromByteArray(
                    ASN1OctetString.getInstance(extension).getOctets()));
            for (DistributionPoint dp : points.getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                        String url = g.getName().toString();
                        if (g.getTagNo() == GeneralName.uniformResourceIdentifier
                                && (url.startsWith("http://") || url.startsWith("https://"))) {
                            urls.add(url);
                        }
                    }
                }
            }
        } catch (Exception e) {
            // an unreadable extension names nothing
        }
        return urls;
    }
}
