package vn.docaxis.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service (target/quarkus-app) run as a real process, as an operator would run it. */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code java [jvmArgs] -jar quarkus-run.jar} in the repository root with exactly the
     * given environment (plus PATH and HOME), on a free port.
     */
    public static ServiceProcess start(Path workDir, Map<String, String> env, String... jvmArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Xmx256m");
        command.addAll(List.of(jvmArgs));
        command.add("-jar");
        command.add(System.getProperty("docaxis.app.jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = Files.createTempFile(workDir, "service", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(System.getProperty("docaxis.basedir", ".")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DOCAXIS_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        return new ServiceProcess(builder.start(), log, port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The service's process id, for reading its CPU time and memory from /proc. */
    public long pid() {
        return process.pid();
    }

    /** Waits for GET /q/health/ready to answer 200; fails with the log if the process dies first. */
    public ServiceProcess awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service was not ready in " + timeout + ":\n" + log());
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service did not exit in " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as an operator's stop: a clean shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not stop in 60 s:\n" + log());
        }
    }

    /** SIGKILL: a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * A clean stop, so that a trial service takes its embedded PostgreSQL with it (a killed one
     * leaves it running until the next start on the same directory, which never comes for a
     * temporary one); SIGKILL only if it does not stop in 30 s.
     */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
