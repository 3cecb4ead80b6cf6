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
import java.util.Arrays;
import java.util.UUID;
import vn.docaxis.platform.Ids;
import vn.docaxis.platform.Now;

/**
 * Package bytes in PostgreSQL, as 1 MiB chunks: written within the submission's transaction,
 * read back chunk by chunk, so no package is ever held whole in memory.
 */
@ApplicationScoped
public class BlobStore {

    static final int CHUNK = 1 << 20;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Stores a file in the caller's transaction (the connection is the transaction's). A package
     * of one chunk — nearly all of them — goes in with its blob row in one statement.
     */
    public UUID store(Path file, long size, String sha256) {
        UUID id = Ids.next();
        try (Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            if (size <= CHUNK) {
                try (PreparedStatement ps = c.prepareStatement("with blob_row as (insert into blob (id, size, sha256, created_at) "
                        + "values (?, ?, ?, ?)) insert into blob_chunk (blob_id, seq, data) values (?, 0, ?)")) {
                    blob(ps, id, size, sha256);
                    ps.setObject(5, id);
                    ps.setBytes(6, in.readNBytes((int) size));
                    ps.executeUpdate();
                }
                return id;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into blob (id, size, sha256, created_at) values (?, ?, ?, ?)")) {
                blob(ps, id, size, sha256);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into blob_chunk (blob_id, seq, data) values (?, ?, ?)")) {
                byte[] chunk = new byte[CHUNK];
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

    private static void blob(PreparedStatement ps, UUID id, long size, String sha256) throws SQLException {
        ps.setObject(1, id);
        ps.setLong(2, size);
        ps.setString(3, sha256);
        ps.setTimestamp(4, Timestamp.from(Now.instant()));
    }

    /**
     * Writes the bytes of a blob to {@code out}, one chunk in memory at a time: the blob's size
     * with its first chunk in one statement — all there is for nearly every package — then, for a
     * larger one, each further chunk by its number. Every statement takes a connection and gives it
     * back before its bytes are written, so a recipient that reads slowly holds a thread, never a
     * database connection. Fewer bytes than the blob's size (a chunk missing, or the blob purged
     * meanwhile) is an error, never a short body.
     */
    public void copyTo(UUID blobId, OutputStream out) throws IOException {
        long size = 0;
        byte[] chunk = null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select b.size, c.data from blob b "
                     + "left join blob_chunk c on c.blob_id = b.id and c.seq = 0 where b.id = ?")) {
            ps.setObject(1, blobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    size = rs.getLong(1);
                    chunk = rs.getBytes(2);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read package bytes", e);
        }
        if (chunk == null) {
            throw missing(blobId);
        }
        long written = 0;
        for (int seq = 1; ; seq++) {
            out.write(chunk);
            written += chunk.length;
            if (written >= size) {
                break;
            }
            chunk = chunk(blobId, seq);
            if (chunk == null) {
                throw missing(blobId);
            }
        }
        if (written != size) {
            throw missing(blobId);
        }
    }

    /** Chunk {@code seq} of a blob, or null when there is none; on a connection of its own. */
    private byte[] chunk(UUID blobId, int seq) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select data from blob_chunk where blob_id = ? and seq = ?")) {
            ps.setObject(1, blobId);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read package bytes", e);
        }
    }

    private static IOException missing(UUID blobId) {
        return new IOException("The bytes of blob " + blobId + " are missing");
    }
}
