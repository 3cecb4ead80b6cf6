package vn.docaxis.security;

import java.util.List;

/** What authorization needs to know of the agency registry (implemented by the registry). */
public interface AgencyDirectory {

    /**
     * The code itself, then its parent, grandparent… up to the top. Never empty: an unknown or
     * malformed code yields a list holding only itself.
     */
    List<String> lineage(String agencyCode);

    /** Whether the agency is registered, whatever its status. */
    boolean isRegistered(String agencyCode);
}
