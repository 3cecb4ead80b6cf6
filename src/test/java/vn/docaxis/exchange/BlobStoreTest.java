package vn.docaxis.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Package bytes come back exactly as stored on both sides of the one-chunk boundary (one
 * statement in, one select out) and beyond it (a select per chunk); a lost chunk is an error;
 * a recipient slow to take the bytes holds no database connection.
 */
@QuarkusTest
class BlobStoreTest {

    @Inject
    BlobStore blobs;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bytesComeBackExactlyOnEitherSideOfTheChunkBoundary() throws Exception {
        int[] sizes = {0, 1, 95_026, BlobStore.CHUNK - 1, BlobStore.CHUNK, BlobStore.CHUNK + 1, 2 * BlobStore.CHUNK + 7};
        int[] chunks = {1, 1, 1, 1, 1, 2, 3};
        for (int i = 0; i < sizes.length; i++) {
            byte[] bytes = new byte[sizes[i]];
            new Random(sizes[i]).nextBytes(bytes);
            UUID id = store(bytes);
            assertArrayEquals(bytes, read(id), sizes[i] + " bytes");
            assertEquals(chunks[i], chunks(id), "chunks of " + sizes[i] + " bytes");
        }
    }

    @Test
    void aMissingChunkIsAnErrorNotAnEmptyBody() throws Exception {
        byte[] bytes = "<edXML/>".getBytes();
        UUID id = store(bytes);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from blob_chunk where blob_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        IOException e = assertThrows(IOException.class, () -> read(id));
        assertEquals("The bytes of blob " + id + " are missing", e.getMessage());
    }

    @Test
    void aMissingChunkOfALargeBlobIsAnErrorNotAShortBody() throws Exception {
        byte[] bytes = new byte[2 * BlobStore.CHUNK + 7];
        new Random(7).nextBytes(bytes);
        UUID id = store(bytes);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from blob_chunk where blob_id = ? and seq = 1")) {
            ps.setObject(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        IOException e = assertThrows(IOException.class, () -> read(id));
        assertEquals("The bytes of blob " + id + " are missing", e.getMessage());
    }

    /**
     * Each write stands for a recipient on a slow line: while it lasts, this test takes every
     * connection of the pool, as other requests would. Holding one across a write would make the
     * last of them wait out the acquisition timeout and fail.
     */
    @Test
    void aSlowRecipientHoldsNoDatabaseConnectionWhileItsBytesGoOut() throws Exception {
        int pool = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        int[] sizes = {95_026, 2 * BlobStore.CHUNK + 7};
        int[] chunks = {1, 3};
        for (int i = 0; i < sizes.length; i++) {
            byte[] bytes = new byte[sizes[i]];
            new Random(sizes[i]).nextBytes(bytes);
            UUID id = store(bytes);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            List<Integer> freeAtEachWrite = new ArrayList<>();
            blobs.copyTo(id, new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    freeAtEachWrite.add(takeable(pool));
                    received.write(b, off, len);
                }
            });
            assertArrayEquals(bytes, received.toByteArray(), sizes[i] + " bytes");
            assertEquals(Collections.nCopies(chunks[i], pool), freeAtEachWrite,
                    "connections other requests could take at each write of " + sizes[i] + " bytes");
        }
    }

    /** How many of {@code wanted} connections can be taken from the pool at once (all given back). */
    private int takeable(int wanted) {
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < wanted) {
                taken.add(dataSource.getConnection());
            }
        } catch (SQLException e) {
            // the pool ran dry: the acquisition timeout passed
        } finally {
            for (Connection c : taken) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // back in the pool or gone: either way not this test's concern
                }
            }
        }
        return taken.size();
    }

    private UUID store(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("blob", ".bin");
        try {
            Files.write(file, bytes);
            return blobs.store(file, bytes.length, "not-checked-here");
        } finally {
            Files.delete(file);
        }
    }

    private byte[] read(UUID id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blobs.copyTo(id, out);
        return out.toByteArray();
    }

    private int chunks(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from blob_chunk where blob_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
