package vn.docaxis.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import vn.docaxis.support.TestFiles;
import vn.docaxis.support.TestPdfs;

/**
 * Verification throughput of two-signature PDFs (personal, then agency, RSA-2048, SHA-256), warm,
 * one process: every check of SIGNATURES.md, the revision analysis and CRL lookups included.
 * Run with {@code ./mvnw -Pbench}; prints its figures.
 */
public final class SignatureBenchmark {

    private static final int THREADS = 2;
    private static final int ROUNDS = 5;

    private SignatureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration round = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 4);
        Corpus corpus = new Corpus();
        TrustMaterial trust = corpus.trust();
        Path dir = Files.createTempDirectory("docaxis-bench");
        try {
            Path onePage = Files.write(dir.resolve("one-page.pdf"), corpus.twoSignatures());
            Path twoMb = Files.write(dir.resolve("two-mb.pdf"), twoSignatures(corpus, withScan(2 * 1024 * 1024)));
            PdfVerifier verifier = new PdfVerifier(Corpus.limits(), Optional.of("OU"));

            System.out.printf("docaxis signature benchmark: %d cores, %s %s, heap max %d MB%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("corpus: 1-page PDF %d bytes, 2 MB PDF %d bytes, two signatures each; %d rounds of %d s, median kept%n",
                    Files.size(onePage), Files.size(twoMb), ROUNDS, round.toSeconds());
            check(verifier, onePage, trust);
            check(verifier, twoMb, trust);

            run(verifier, onePage, trust, THREADS, Duration.ofSeconds(10)); // warm-up: the JIT compiles the hot paths
            run(verifier, twoMb, trust, THREADS, Duration.ofSeconds(5));
            double small = median("1-page, 2 threads", verifier, onePage, trust, THREADS, round);
            double large = median("2 MB, 2 threads", verifier, twoMb, trust, THREADS, round);
            double largeOne = median("2 MB, 1 thread", verifier, twoMb, trust, 1, round);
            System.out.printf("RESULT one-page two-signature documents: %.0f/s (%.0f per core)%n", small, small / THREADS);
            System.out.printf("RESULT 2 MB two-signature document: %.2f ms each on one thread; %.0f/s on two%n",
                    1000.0 / largeOne, large);
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    /** The median rate of {@link #ROUNDS} rounds, each printed. */
    private static double median(String label, PdfVerifier verifier, Path pdf, TrustMaterial trust, int threads,
                                 Duration round) throws Exception {
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rates[r] = run(verifier, pdf, trust, threads, round);
        }
        StringBuilder rounds = new StringBuilder();
        for (double rate : rates) {
            rounds.append(String.format(" %.0f", rate));
        }
        Arrays.sort(rates);
        double median = rates[ROUNDS / 2];
        System.out.printf("%-18s median %7.1f documents/s, %6.2f ms per document per thread (rounds:%s)%n",
                label, median, 1000.0 * threads / median, rounds);
        return median;
    }

    private static void check(PdfVerifier verifier, Path pdf, TrustMaterial trust) {
        PdfVerifier.Examined e = verifier.examine(pdf, Corpus.SENDER, Instant.now(), Instant.now(), trust,
                new Deadline(Duration.ofSeconds(30)));
        if (!e.problems().isEmpty() || e.signatures().size() != 2
                || !e.signatures().stream().allMatch(s -> s.outcome() == Outcome.VALID)) {
            throw new IllegalStateException("the benchmark corpus does not verify: " + e);
        }
    }

    /** Verifies the document in a loop on {@code threads} threads for {@code duration}; returns documents per second. */
    private static double run(PdfVerifier verifier, Path pdf, TrustMaterial trust, int threads, Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    PdfVerifier.Examined e = verifier.examine(pdf, Corpus.SENDER, Instant.now(), Instant.now(), trust,
                            new Deadline(Duration.ofSeconds(30)));
                    if (e.signatures().size() != 2) {
                        throw new IllegalStateException("verification failed during the run");
                    }
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        long total = 0;
        for (Future<Long> f : counts) {
            total += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    private static byte[] twoSignatures(Corpus corpus, byte[] pdf) {
        byte[] personal = TestPdfs.sign(pdf, corpus.signer(corpus.person), TestPdfs.Options.pades().named("personal"));
        return TestPdfs.sign(personal, corpus.signer(corpus.agency), TestPdfs.Options.pades().named("agency"));
    }

    /** A one-page document carrying a scan of {@code size} incompressible bytes. */
    private static byte[] withScan(int size) throws Exception {
        byte[] scan = new byte[size];
        new Random(2).nextBytes(scan);
        try (PDDocument doc = Loader.loadPDF(TestPdfs.document("Ban chup")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(scan));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("scan.tif");
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("scan.tif", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
