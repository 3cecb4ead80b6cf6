package vn.docaxis.system;

import java.time.Instant;
import java.util.List;

/** A connected system as admins see it: never its secret. */
public record SystemView(String id, String name, String status, List<String> agencies, List<String> subtrees,
                         boolean agencyAdmin, Instant secretRotatedAt, Instant createdAt, Instant updatedAt) {

    static SystemView of(ConnectedSystem s) {
        return new SystemView(s.id, s.name, s.status, List.of(s.agencies), List.of(s.subtrees), s.agencyAdmin,
                s.secretRotatedAt, s.createdAt, s.updatedAt);
    }
}
