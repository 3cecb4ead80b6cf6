package vn.docaxis.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server run by the service itself from a persistent data directory (trial mode).
 *
 * <p>Holds a lock file beside the data directory for its whole life, so that a second service on
 * the same directory fails fast, and so that a postmaster left running by a killed service (whose
 * lock died with it) is recognised as an orphan and stopped before a new one starts.
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster on first use and reusing it
     * afterwards.
     *
     * @throws IllegalStateException when another running service holds the directory
     */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        return start(dataDirectory, 0);
    }

    /** Like {@link #start(Path)}, on a given port (0: any free one): a restart keeps its clients' URL. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM: just as much "in use"
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The embedded database directory " + dir
                    + " is in use by another running docaxis (lock " + lockFile + " is held)");
        }
        try {
            stopOrphanedPostmaster(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // We stop the server ourselves, after the service has drained its requests.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky turns durability off for throw-away test databases; a trial axis keeps
                    // what it acknowledged, so both are switched back on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            return new EmbeddedDatabase(dir, postgres, channel, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    /**
     * A service killed with {@code kill -9} leaves its postmaster running, and a new one would then
     * fail to start on the same directory. Only called while holding the lock, so a live postmaster
     * found here has no live owner.
     */
    private static void stopOrphanedPostmaster(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        LOG.warnf("Stopping PostgreSQL (pid %d) left running by a service that did not shut down cleanly",
                postmaster.pid());
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroy(); // SIGTERM: smart shutdown; its clients died with the old service
        if (!waitForExit(postmaster, ORPHAN_STOP_WAIT)) {
            LOG.warnf("PostgreSQL (pid %d) did not stop in %s; killing it", postmaster.pid(), ORPHAN_STOP_WAIT);
            postmaster.destroyForcibly();
            waitForExit(postmaster, ORPHAN_STOP_WAIT);
        }
        // Backends notice the postmaster's death on their own; wait so shared memory is released.
        backends.forEach(b -> waitForExit(b, ORPHAN_STOP_WAIT));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
