package vn.docaxis.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.docaxis.platform.EmbeddedDatabase;
import vn.docaxis.support.TestFiles;

/**
 * An axis upgraded while evidence waits to be sealed keeps it: V6 moves unsealed evidence out of
 * the chain table into {@code evidence_pending}, with its recording order, and leaves the sealed
 * chain as it was.
 */
class EvidenceMigrationTest {

    @Test
    void unsealedEvidenceMovesOutOfTheChainAndKeepsItsOrder() throws Exception {
        Path dir = Files.createTempDirectory("docaxis-migration");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"))) {
            migrate(db, "5");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("insert into evidence (event, occurred_at, agencies, facts, seq, xml, sha256, sealed_at) values "
                        + "('ADMIN_CHANGE', now(), '{000.00.01.H01}', '{\"n\":1}', 1, 'x', 'h1', now())");
                s.execute("insert into evidence (event, occurred_at, agencies, facts) values "
                        + "('ADMIN_CHANGE', now(), '{000.00.01.H01}', '{\"n\":2}'), "
                        + "('ADMIN_CHANGE', now(), '{000.00.02.H01}', '{\"n\":3}')");
            }
            migrate(db, "latest");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
                assertEquals(List.of("1 1 h1"), rows(s, "select id || ' ' || seq || ' ' || sha256 from evidence"));
                assertEquals(List.of("2 2 000.00.01.H01", "3 3 000.00.02.H01"),
                        rows(s, "select id || ' ' || (facts->>'n') || ' ' || agencies[1] from evidence_pending order by id"));
                s.execute("insert into evidence_pending (event, occurred_at, agencies, facts) values "
                        + "('ADMIN_CHANGE', now(), '{000.00.01.H01}', '{\"n\":4}')");
                long next = Long.parseLong(rows(s, "select max(id) from evidence_pending").get(0));
                assertTrue(next > 3, "recording order goes on after the moved evidence, got id " + next);
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    private static void migrate(EmbeddedDatabase db, String target) {
        Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("classpath:db/migration").target(target)
                .load().migrate();
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
