package vn.docaxis.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.regex.Pattern;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.UniqueViolations;

/**
 * A name in the one namespace shared by connected systems and users: both log in with HTTP
 * Basic, so a user may never take a system's id (or one differing only by case).
 */
@Entity
@Table(name = "principal")
public class PrincipalName extends PanacheEntityBase {

    /** Letters, digits, dots, dashes, underscores; never a colon (it ends the Basic user name). */
    public static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    @Id
    public String name;

    @Enumerated(EnumType.STRING)
    public Actor.Kind kind;

    public static void requireForm(String name) {
        if (name == null || !FORM.matcher(name).matches()) {
            throw new ProblemException(ErrorCode.INVALID_PRINCIPAL_NAME, "'" + name + "' is not a valid id: 2 to 64 "
                    + "letters, digits, '.', '-' or '_', starting with a letter or digit", Map.of("field", "name"));
        }
    }

    /** Takes the name for a new system or user, in the caller's transaction. */
    public static void claim(String name, Actor.Kind kind) {
        requireForm(name);
        if (count("lower(name) = lower(?1)", name) > 0) {
            throw taken(name);
        }
        PrincipalName p = new PrincipalName();
        p.name = name;
        p.kind = kind;
        try {
            p.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.is(e)) {
                throw taken(name);
            }
            throw e;
        }
    }

    private static ProblemException taken(String name) {
        return new ProblemException(ErrorCode.NAME_TAKEN,
                "'" + name + "' is already used by a connected system or a user", Map.of("field", "name"));
    }
}
