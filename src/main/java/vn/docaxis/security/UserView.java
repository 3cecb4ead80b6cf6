package vn.docaxis.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A person's account as admins see it; never the password hash. */
public record UserView(String username, String displayName, List<Role> roles, List<String> agencies, String status,
                       Instant createdAt, Instant updatedAt) {

    static UserView of(AppUser u) {
        return new UserView(u.username, u.displayName, Arrays.stream(u.roles).map(Role::fromWire).toList(),
                List.of(u.agencies), u.status, u.createdAt, u.updatedAt);
    }
}
