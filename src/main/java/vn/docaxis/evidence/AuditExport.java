package vn.docaxis.evidence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.Now;

/**
 * An auditor's bundle: the evidence of an agency (or of everyone) over a period, the checkpoints
 * that cover it, the axis certificate, a {@code sha256sum} manifest and instructions that need
 * nothing but {@code xmlsec1} and {@code sha256sum}. Streamed: a year of evidence never sits in memory.
 */
@ApplicationScoped
public class AuditExport {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AxisKey axisKey;

    /** Makes sure a checkpoint covers everything recorded so far (it seals first); call before {@link #write}. */
    public void prepare() {
        checkpoints.write();
    }

    /** @param agency null for every agency */
    public void write(OutputStream out, String agency, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(Now.VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Now.VIETNAM).toInstant();
        Manifest manifest = new Manifest();
        try (ZipOutputStream zip = new ZipOutputStream(out); Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor
            StringBuilder index = new StringBuilder("sequence,event,time,package,document_id,sha256\n");
            long first = 0;
            long last = 0;
            try (PreparedStatement ps = c.prepareStatement("select seq, event, occurred_at, package_id, facts->'pkg'->>'documentId', "
                    + "sha256, xml from evidence where occurred_at >= ? and occurred_at < ?"
                    + (agency == null ? "" : " and ? = any(agencies)") + " order by seq")) {
                ps.setTimestamp(1, Timestamp.from(start));
                ps.setTimestamp(2, Timestamp.from(end));
                if (agency != null) {
                    ps.setString(3, agency);
                }
                ps.setFetchSize(200);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        first = first == 0 ? seq : first;
                        last = seq;
                        manifest.add(zip, evidenceName(seq), rs.getBytes(7));
                        index.append(seq).append(',').append(rs.getString(2)).append(',')
                                .append(EvidenceXml.time(rs.getTimestamp(3).toInstant())).append(',')
                                .append(rs.getString(4) == null ? "" : rs.getString(4)).append(',')
                                .append(csv(rs.getString(5))).append(',').append(rs.getString(6)).append('\n');
                    }
                }
            }
            c.rollback();
            for (Checkpoints.Checkpoint k : covering(first, last)) {
                manifest.add(zip, "checkpoints/checkpoint-" + k.number() + ".xml", k.xml());
            }
            manifest.add(zip, "axis.pem", Certificates.pem(axisKey.certificate()).getBytes(StandardCharsets.US_ASCII));
            for (String pem : previousKeys(c)) {
                manifest.add(zip, "axis-previous-" + Certificates.fingerprint(Certificates.parseOne(
                        pem.getBytes(StandardCharsets.US_ASCII))).substring(0, 16) + ".pem",
                        pem.getBytes(StandardCharsets.US_ASCII));
            }
            manifest.add(zip, "index.csv", index.toString().getBytes(StandardCharsets.UTF_8));
            manifest.add(zip, "VERIFY.txt", VerifyText.of(agency, from, to).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("MANIFEST.sha256"));
            zip.write(manifest.lines.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot export evidence: " + e.getMessage(), e);
        }
    }

    /** From the last checkpoint before the first evidence to the first one at or after the last. */
    private List<Checkpoints.Checkpoint> covering(long first, long last) {
        List<Checkpoints.Checkpoint> all = checkpoints.all();
        List<Checkpoints.Checkpoint> out = new ArrayList<>();
        for (Checkpoints.Checkpoint k : all) {
            if (first == 0) {
                break;
            }
            boolean before = k.lastSequence() < first;
            if (before) {
                out.clear();
            }
            out.add(k);
            if (k.lastSequence() >= last) {
                break;
            }
        }
        return out;
    }

    private List<String> previousKeys(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select fingerprint, certificate from evidence_key order by first_used");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString(1).equals(axisKey.fingerprint())) {
                    out.add(Certificates.pem(Certificates.fromDer(rs.getBytes(2))));
                }
            }
        }
        return out;
    }

    static String evidenceName(long seq) {
        return String.format("evidence/%012d.xml", seq);
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Writes each file and remembers its hash, in {@code sha256sum} format. */
    private static final class Manifest {
        final StringBuilder lines = new StringBuilder();

        void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
            lines.append(Certificates.sha256(bytes)).append("  ").append(name).append('\n');
        }
    }
}
