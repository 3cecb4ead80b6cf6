package vn.docaxis.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Connected systems authenticate every call with their secret, so that check runs tens of times
 * per document. For {@link SecurityConfig#credentialCacheTtl()} after a system authenticated, the
 * same id and secret are accepted from memory: no transaction, no database, no worker thread.
 *
 * <p>What stays exact: a wrong secret is never answered from here (it goes to the database and is
 * recorded as before); an admin's change to a system (disable, rotate, scope) drops its entry on
 * this instance as soon as it commits. Other instances hold their entry until it expires: that is
 * the bound on how long a disabled system or a rotated secret still works there.
 *
 * <p>Secrets are not kept: only their HMAC under a key made at start and never stored.
 */
@ApplicationScoped
public class CredentialCache {

    /** Systems are few (one per agency at most); a full cache is emptied rather than grown. */
    static final int MAX_ENTRIES = 50_000;

    @Inject
    SecurityConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every change a cache entry could miss; an answer read before it moved is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final SecretKeySpec key;

    private record Entry(byte[] mac, SecurityIdentity identity, long expiresAt) {
    }

    public CredentialCache() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    private boolean enabled() {
        return config.credentialCacheTtl().toNanos() > 0;
    }

    /** Where a lookup starts: pass it to {@link #remember} so that a change meanwhile wins. */
    long generation() {
        return generation.get();
    }

    /** The identity these credentials had within the time to live, if the very same secret is presented. */
    Optional<SecurityIdentity> lookup(String name, char[] secret) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry entry = entries.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAt() > 0) {
            entries.remove(name, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.mac(), mac(secret)) ? Optional.of(entry.identity()) : Optional.empty();
    }

    /** Keeps a system's verified identity, unless something changed since {@code generation} was read. */
    void remember(String name, char[] secret, SecurityIdentity identity, long generation) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(name, new Entry(mac(secret), identity, System.nanoTime() + config.credentialCacheTtl().toNanos()));
        if (this.generation.get() != generation) {
            entries.remove(name); // a change committed while the database was read: that answer may be stale
        }
    }

    /**
     * Drops what is known of {@code name} once the current transaction commits (at once without
     * one): the next call of that system is checked against the database again.
     */
    public void forget(String name) {
        if (transactions.getTransactionKey() == null) {
            drop(name);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    drop(name);
                }
            }
        });
    }

    private void drop(String name) {
        generation.incrementAndGet();
        entries.remove(name);
    }

    private byte[] mac(char[] secret) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
