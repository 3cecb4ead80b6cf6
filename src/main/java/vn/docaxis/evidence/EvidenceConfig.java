package vn.docaxis.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The axis's evidence: its signing key and how often the chain is sealed and checkpointed. */
@ConfigMapping(prefix = "docaxis.evidence")
public interface EvidenceConfig {

    /**
     * PKCS#12 keystore holding the axis's evidence signing key (RSA or EC) and its certificate
     * ({@code DOCAXIS_EVIDENCE_KEYSTORE}). Required in the prod profile; in trial mode a key is
     * generated into {@code <data-dir>/evidence-key.p12} on first start.
     */
    Optional<Path> keystore();

    /** Password of that keystore and of its key ({@code DOCAXIS_EVIDENCE_KEYSTORE_PASSWORD}). */
    Optional<String> keystorePassword();

    /** Alias of the key entry; default: the keystore's only key entry. */
    Optional<String> keyAlias();

    /**
     * How often an instance seals evidence that other instances recorded. Its own records are
     * sealed as soon as their transaction commits; readers seal before they read.
     */
    @WithDefault("2s")
    Duration sealEvery();

    /**
     * How long the sealer waits after a commit before sealing, so that the evidence of the
     * transactions committing meanwhile is sealed with it, in one transaction rather than one each.
     * Readers never wait for it: they seal what is pending before they read.
     */
    @WithDefault("50ms")
    Duration sealLinger();

    /** Most evidence sealed in one transaction. */
    @WithDefault("500")
    int sealBatch();

    /** How often a signed checkpoint of the chain's head is written (when the chain grew). */
    @WithDefault("10m")
    String checkpointEvery();
}
