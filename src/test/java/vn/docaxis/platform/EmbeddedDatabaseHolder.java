package vn.docaxis.platform;

import java.nio.file.Path;

/** Runs an embedded database in its own JVM until killed: the "service" a test kills with -9. */
public final class EmbeddedDatabaseHolder {

    private EmbeddedDatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
        System.out.println("READY " + db.jdbcUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
