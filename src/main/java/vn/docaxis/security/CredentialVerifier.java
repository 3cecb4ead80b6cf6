package vn.docaxis.security;

import java.util.Optional;

/** Checks the credentials of one kind of principal; each kind's own feature implements it. */
public interface CredentialVerifier {

    Actor.Kind kind();

    /**
     * The actor behind these credentials, or a reason why not.
     *
     * @return the actor when the secret matches and the principal is active
     */
    Verdict verify(String name, char[] secret);

    /**
     * The actor of a login session the form mechanism restores from its cookie: no secret, but
     * the principal must still exist and be active, so that disabling an account ends its sessions.
     */
    Verdict resume(String name);

    record Verdict(Optional<Actor> actor, String refusal) {
        public static Verdict accepted(Actor actor) {
            return new Verdict(Optional.of(actor), null);
        }

        public static Verdict refused(String why) {
            return new Verdict(Optional.empty(), why);
        }
    }
}
