package vn.docaxis.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the embedded PostgreSQL once for every @QuarkusTest of the suite (a global test resource). */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
