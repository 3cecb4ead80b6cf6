package vn.docaxis.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one secret an operator manages: 32 bytes from {@code DOCAXIS_MASTER_KEY}, or in trial mode
 * from {@code <data-dir>/master.key} (generated on first use). Other keys are derived from it.
 */
public final class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class);
    public static final String FILE_NAME = "master.key";

    private MasterKey() {
    }

    /**
     * @return the key, or empty in production when it is not configured (the caller decides how to refuse)
     */
    public static Optional<byte[]> resolve(Optional<String> configured, Path dataDir, boolean production) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Optional.of(decode(configured.get().trim(), "DOCAXIS_MASTER_KEY"));
        }
        if (production) {
            return Optional.empty();
        }
        return Optional.of(trialKey(dataDir.resolve(FILE_NAME)));
    }

    /** A key for one purpose, so that no two uses ever share key material. */
    public static byte[] derive(byte[] masterKey, String purpose) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("docaxis:" + purpose + ":").getBytes(StandardCharsets.UTF_8));
            return sha256.digest(masterKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized byte[] trialKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            LOG.warnf("Trial mode: generated a master key in %s. Back it up with the database: "
                    + "without it no connected system can authenticate.", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the trial master key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (AES-256), found " + key.length);
        }
        return key;
    }
}
