package vn.docaxis.exchange;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import vn.docaxis.platform.Ids;
import vn.docaxis.platform.Now;

/**
 * Package bytes in PostgreSQL, as 1 MiB chunks: written within the submission's transaction,
 * read back chunk by chunk through a cursor, so no package is ever held whole in memory.
 */
@ApplicationScoped
public class BlobStore {

    static final int CHUNK = 1 << 20;

    @Inject
    AgroalDataSource dataSource;

    /** Stores a file in the caller's transaction (the connection is the transaction's). */
    public UUID store(Path file, long size, String sha256) {
        UUID id = Ids.next();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into blob (id, size, sha256, created_at) values (?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setLong(2, size);
                ps.setString(3, sha256);
                ps.setTimestamp(4, Timestamp.from(Now.instant()));
                ps.executeUpdate();
            }
            try (InputStream in = Files.newInputStream(file);
                 PreparedStatement ps = c.prepareStatement("insert into blob_chunk (blob_id, seq, data) values (?, ?, ?)")) {
                byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(size, 1))];
                int seq = 0;
                for (int n; (n = in.readNBytes(chunk, 0, chunk.length)) > 0; ) {
                    ps.setObject(1, id);
                    ps.setInt(2, seq++);
                    ps.setBytes(3, n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                    ps.executeUpdate();
                }
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store package bytes", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bytes to {@code out}, one chunk in memory at a time, on a connection of its own. */
    public void copyTo(UUID blobId, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a server-side cursor needs a transaction
            try (PreparedStatement ps = c.prepareStatement("select data from blob_chunk where blob_id = ? order by seq")) {
                ps.setFetchSize(1);
                ps.setObject(1, blobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.write(rs.getBytes(1));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read package bytes", e);
        }
    }
}
