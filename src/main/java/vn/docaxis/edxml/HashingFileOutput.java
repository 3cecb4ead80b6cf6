package vn.docaxis.edxml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes a file while counting and hashing (SHA-256) what passes, refusing more than a limit. */
final class HashingFileOutput extends OutputStream {

    private final OutputStream out;
    private final MessageDigest sha256;
    private final long limit;
    private long size;

    HashingFileOutput(Path file, long limit) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 65536);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        size += len;
        if (size > limit) {
            throw new LimitExceeded("more than " + limit + " bytes");
        }
        sha256.update(b, off, len);
        out.write(b, off, len);
    }

    long size() {
        return size;
    }

    /** Hex SHA-256 of everything written; call once, after {@link #close()}. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The content is larger than allowed. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }
}
