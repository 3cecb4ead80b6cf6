package vn.docaxis.exchange;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import vn.docaxis.security.Actor;

/**
 * The caller's agencies as SQL: an agency column is covered when named one by one, or when its
 * registered lineage meets one of the subtree roots (the same rule as {@link Actor#covers}).
 */
final class ScopeSql {

    private ScopeSql() {
    }

    /** A predicate with two parameters, bound by {@link #bind}. */
    static String covers(String column) {
        return "(" + column + " = any(?) or exists (select 1 from agency a where a.code = " + column
                + " and a.lineage && ?))";
    }

    static List<Object> bind(Connection c, Actor actor) throws SQLException {
        Array agencies = c.createArrayOf("text", actor.agencies().toArray());
        Array subtrees = c.createArrayOf("text", actor.subtrees().toArray());
        return List.of(agencies, subtrees);
    }
}
