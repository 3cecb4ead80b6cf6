package vn.docaxis.platform;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Encrypts secrets the server must be able to read back (the VDXP HMAC needs a system's raw
 * secret) with AES-256-GCM under the master key. Sealed form: version byte, 12-byte nonce,
 * ciphertext and tag. The context (e.g. the system id) is bound as associated data, so a sealed
 * secret copied onto another row does not decrypt.
 */
@Startup(10) // before anything that reads or writes secrets, so a missing key is the first error reported
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    @Inject
    PlatformConfig config;

    @PostConstruct
    void loadKey() {
        key = new SecretKeySpec(resolveKey(), "AES");
    }

    public byte[] seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("Unknown sealed-secret format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed secret does not open under the current master key", e);
        }
    }

    private byte[] resolveKey() {
        if (config.masterKey().isPresent()) {
            byte[] k = decode(config.masterKey().get().trim(), "DOCAXIS_MASTER_KEY");
            return k;
        }
        if (Deployment.isProduction()) {
            throw new IllegalStateException("docaxis refuses to start in the prod profile without DOCAXIS_MASTER_KEY "
                    + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        Path file = config.dataDir().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            byte[] k = new byte[32];
            random.nextBytes(k);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions must protect it
            }
            LOG.warnf("Trial mode: generated a master key in %s. Back it up with the database: "
                    + "without it no connected system can authenticate.", file.toAbsolutePath());
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the trial master key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (k.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (AES-256), found " + k.length);
        }
        return k;
    }
}
