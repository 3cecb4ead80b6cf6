package vn.docaxis.security;

import java.time.Instant;
import java.util.Map;

/**
 * An admin change, announced (synchronously, inside its transaction) to whoever must keep proof
 * of it: the evidence chain observes these.
 */
public record AdminChange(Instant at, Actor actor, String action, String targetType, String targetId,
                          Map<String, Object> detail) {
}
