package vn.docaxis.platform;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets the server must be able to read back (the VDXP HMAC needs a system's raw
 * secret) with AES-256-GCM under the master key. Sealed form: version byte, 12-byte nonce,
 * ciphertext and tag. The context (e.g. the system id) is bound as associated data, so a sealed
 * secret copied onto another row does not decrypt.
 */
@Startup(10) // before anything that reads or writes secrets, so a missing key is the first error reported
@ApplicationScoped
public class SecretBox {

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
        return MasterKey.resolve(config.masterKey(), config.dataDir(), Deployment.isProduction())
                .map(k -> MasterKey.derive(k, "secret-box"))
                .orElseThrow(() -> new IllegalStateException("docaxis refuses to start in the prod profile without "
                        + "DOCAXIS_MASTER_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)"));
    }
}
