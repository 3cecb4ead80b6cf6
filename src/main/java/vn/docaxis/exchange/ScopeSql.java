package vn.docaxis.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.docaxis.security.Actor;

/**
 * The caller's agencies as SQL: an agency column is covered when named one by one, or when its
 * registered lineage meets one of the subtree roots (the same rule as {@link Actor#covers}).
 * The subtrees are resolved to agency codes first, so that the predicate is a plain
 * {@code = any(array)} that the indexes on agency columns serve (an {@code or exists} per row made
 * every inbox listing read every pending delivery of every agency).
 */
final class ScopeSql {

    private ScopeSql() {
    }

    /** A predicate with one parameter, bound by {@link #bind}. */
    static String covers(String column) {
        return column + " = any(?)";
    }

    static List<Object> bind(Connection c, Actor actor) throws SQLException {
        Set<String> codes = new TreeSet<>(actor.agencies());
        if (!actor.subtrees().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("select code from agency where lineage && ?")) {
                ps.setArray(1, c.createArrayOf("text", actor.subtrees().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
            }
        }
        return List.of(c.createArrayOf("text", codes.toArray()));
    }
}
