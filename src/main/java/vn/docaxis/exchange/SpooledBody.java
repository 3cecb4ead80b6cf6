package vn.docaxis.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;

/**
 * A request body written to a temporary file as it arrives, hashed (SHA-256) on the way, so that
 * a package of any allowed size costs disk, not memory. Deleted on close.
 */
public final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final long size;
    private final String sha256;

    private SpooledBody(Path file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /** @throws ProblemException PAYLOAD_TOO_LARGE past {@code maxBytes}; nothing is kept */
    public static SpooledBody spool(InputStream body, Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "package-", ".edxml");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                byte[] buffer = new byte[65536];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, "The package is larger than "
                                + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new SpooledBody(file, size, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A file already holding the bytes (tests, tools). */
    public static SpooledBody of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return new SpooledBody(file, Files.size(file), HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same file less its last {@code n} bytes (a client's trailing line break), rehashed. This
     * body must not be used afterwards; closing either deletes the file.
     */
    public SpooledBody withoutLast(int n) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, size - n));
        }
        return of(file);
    }

    /** Whether the body ends with these bytes. */
    public boolean endsWith(byte[] tail) throws IOException {
        if (size < tail.length) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(tail.length);
            channel.read(last, size - tail.length);
            return Arrays.equals(last.array(), tail);
        }
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the spool directory is cleaned at start
        }
    }
}
