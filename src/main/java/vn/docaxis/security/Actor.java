package vn.docaxis.security;

import java.util.List;
import java.util.Set;

/**
 * The authenticated caller, resolved once per request: a connected system or a person.
 *
 * @param agencies agencies it acts for (a system) or is bound to (a clerk), one by one
 * @param subtrees agencies it acts for together with all their descendants
 * @param agencyAdmin a system that may register and delete agencies through VDXP
 */
public record Actor(String name, Kind kind, Set<Role> roles, Set<String> agencies, Set<String> subtrees,
                    boolean agencyAdmin) {

    public enum Kind {
        SYSTEM, USER, SERVICE
    }

    /** The service itself, for changes it makes on its own (first admin, demo data). */
    public static final Actor SERVICE = new Actor("docaxis", Kind.SERVICE, Set.of(), Set.of(), Set.of(), false);

    public Actor {
        roles = Set.copyOf(roles);
        agencies = Set.copyOf(agencies);
        subtrees = Set.copyOf(subtrees);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Admins and auditors see every agency's documents and records. */
    public boolean readsEverything() {
        return has(Role.ADMIN) || has(Role.AUDITOR);
    }

    /**
     * Whether the agency whose lineage (the code, then its ancestors) is given lies in this
     * actor's scope: named directly, or below one of its subtree roots (the root included).
     */
    public boolean covers(List<String> lineage) {
        if (lineage.isEmpty()) {
            return false;
        }
        if (agencies.contains(lineage.get(0))) {
            return true;
        }
        for (String ancestor : lineage) {
            if (subtrees.contains(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
