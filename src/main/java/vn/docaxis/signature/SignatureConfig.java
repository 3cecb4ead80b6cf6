package vn.docaxis.signature;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "docaxis.signature")
public interface SignatureConfig {

    /**
     * A directory of trust material loaded at start: {@code anchors/}, {@code intermediates/}
     * (certificates, PEM or DER) and {@code crls/}.
     */
    Optional<Path> trustDir();

    /** How often an instance checks whether another one changed the trust material. */
    @WithDefault("30s")
    String trustRefreshEvery();

    Policy policy();

    Limits limits();

    CrlFetch crlFetch();

    /** SIGNATURES.md "Policy"; the defaults are the document's. */
    interface Policy {
        /** The main document must carry a valid signature of the sending agency. */
        @WithDefault("true")
        boolean requireAgencySignature();

        /** The main document must also carry a valid personal signature (otherwise a warning). */
        @WithDefault("false")
        boolean requirePersonalSignature();

        /** A signature without fresh revocation data is refused (INDETERMINATE otherwise accepted). */
        @WithDefault("true")
        boolean requireRevocationData();

        /** An envelope signature in the QCVN namespace (legacy SDK) is accepted as INDETERMINATE. */
        @WithDefault("true")
        boolean acceptLegacyEnvelopeNamespace();

        /** Accept SHA-1 in envelope signatures (seen in old samples). */
        @WithDefault("false")
        boolean allowSha1Envelope();

        /**
         * The subject attribute that binds a certificate to an agency when the attribute holds the
         * agency code (default OU); empty: only certificates registered in the agency registry bind.
         */
        @WithDefault("OU")
        Optional<String> agencySubjectAttribute();
    }

    /** Bounds on one document's verification, whatever the sender sent. */
    interface Limits {
        /** Largest PDF verified, in bytes. */
        @WithDefault("104857600")
        long maxPdfBytes();

        @WithDefault("5000")
        int maxPages();

        /** Most bytes all Flate streams of a PDF may decode to (deflate-bomb bound). */
        @WithDefault("268435456")
        long maxDecodedBytes();

        /** Largest ratio a stream may expand by, once past 10 MiB. */
        @WithDefault("100")
        int maxDecodeRatio();

        /** Longest time one package's verification may take. */
        @WithDefault("PT30S")
        Duration timeLimit();

        /** Largest package whose envelope signature is verified (the whole package is parsed into memory). */
        @WithDefault("33554432")
        long maxEnvelopeBytes();
    }

    /** Fetching CRLs from the certificates' distribution points; off by default (closed networks). */
    interface CrlFetch {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("6h")
        String every();

        @WithDefault("PT10S")
        Duration timeout();
    }
}
