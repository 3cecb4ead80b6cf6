package vn.docaxis.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStartReusesTheDataAndRunsDurably() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            execute(db.jdbcUrl(), "create table kept (v text); insert into kept values ('acknowledged')");
            assertEquals("on", query(db.jdbcUrl(), "show fsync"));
            assertEquals("on", query(db.jdbcUrl(), "show synchronous_commit"));
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertEquals("acknowledged", query(db.jdbcUrl(), "select v from kept"));
        }
    }

    @Test
    void aSecondServiceOnTheSameDirectoryFailsFast() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data)) {
            long started = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.start(data));
            assertTrue(e.getMessage().contains("in use by another running docaxis"), e.getMessage());
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 5, "refused at once");
            assertEquals("1", query(first.jdbcUrl(), "select 1"), "the first one is untouched");
        }
    }

    @Test
    void aPostmasterOrphanedByKillMinus9IsStoppedAndTheDataSurvives() throws Exception {
        Path data = dir.resolve("postgres");
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseHolder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        String url;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY "));
            assertTrue(line != null, "the child never became ready");
            url = line.substring("READY ".length());
            execute(url, "create table kept (v text); insert into kept values ('before the crash')");
            service.destroyForcibly(); // kill -9: the postmaster stays behind
            assertTrue(service.waitFor(30, TimeUnit.SECONDS));
        }
        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the postmaster outlived its service");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertEquals("before the crash", query(db.jdbcUrl(), "select v from kept"));
            assertTrue(ProcessHandle.of(orphan).map(p -> !p.isAlive()).orElse(true), "the orphan was stopped");
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
