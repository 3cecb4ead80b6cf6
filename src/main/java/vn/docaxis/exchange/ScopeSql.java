package vn.docaxis.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import vn.docaxis.security.Actor;

/**
 * The agencies a caller covers, as SQL: those named one by one, and those whose registered
 * lineage meets one of its subtree roots (the same rule as {@link Actor#covers}). The subtrees are
 * resolved to codes first, so that the predicate is a plain comparison the indexes on agency
 * columns serve (an {@code or exists} per row made every inbox listing read every pending delivery
 * of every agency); for one agency, the usual case, it is an equality, which also lets an index
 * hand rows over in its order, without a sort.
 */
final class ScopeSql {

    private final List<String> codes;

    private ScopeSql(Collection<String> codes) {
        this.codes = List.copyOf(codes);
    }

    /** What {@code actor} acts for, its subtrees resolved on {@code c}. */
    static ScopeSql of(Connection c, Actor actor) throws SQLException {
        TreeSet<String> codes = new TreeSet<>(actor.agencies());
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
        return new ScopeSql(codes);
    }

    /** One agency, already authorized. */
    static ScopeSql only(String agency) {
        return new ScopeSql(List.of(agency));
    }

    /** A predicate on {@code column} with one parameter, {@link #parameter}. */
    String covers(String column) {
        return codes.size() == 1 ? column + " = ?" : column + " = any(?)";
    }

    Object parameter(Connection c) throws SQLException {
        return codes.size() == 1 ? codes.get(0) : c.createArrayOf("text", codes.toArray());
    }
}
