package vn.docaxis.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.function.Function;
import vn.docaxis.platform.ErrorCode;

/**
 * Turns a user name and password (HTTP Basic, or the login form) into an {@link Actor}: a connected
 * system (its id and secret) or a person. Failures are recorded and answered alike, whatever the cause.
 */
@ApplicationScoped
public class PrincipalIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    Instance<CredentialVerifier> verifiers;

    @Inject
    AuditLog audit;

    @Inject
    CredentialCache cache;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String name = request.getUsername();
        char[] secret = request.getPassword().getPassword();
        Optional<SecurityIdentity> known = cache.lookup(name, secret);
        if (known.isPresent()) {
            return Uni.createFrom().item(known.get());
        }
        long generation = cache.generation();
        String remote = remoteAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> {
            SecurityIdentity identity = verify(name, secret, remote);
            Actor actor = identity.getAttribute(Access.ACTOR_ATTRIBUTE);
            if (actor.kind() == Actor.Kind.SYSTEM) { // people log in once per session, and their passwords are slow by design
                cache.remember(name, secret, identity, generation);
            }
            return identity;
        });
    }

    @Transactional
    SecurityIdentity verify(String name, char[] secret, String remote) {
        PrincipalName principal = PrincipalName.findById(name);
        if (principal == null) {
            Passwords.spendDecoyTime(secret);
        }
        return identity(name, principal, remote, v -> v.verify(name, secret));
    }

    /** A login session restored from its cookie (see {@link SessionIdentityProvider}). */
    @Transactional
    SecurityIdentity resume(String name, String remote) {
        return identity(name, PrincipalName.findById(name), remote, v -> v.resume(name));
    }

    private SecurityIdentity identity(String name, PrincipalName principal, String remote,
                                      Function<CredentialVerifier, CredentialVerifier.Verdict> check) {
        CredentialVerifier.Verdict verdict = principal == null
                ? CredentialVerifier.Verdict.refused("unknown name")
                : verifiers.stream().filter(v -> v.kind() == principal.kind).findFirst().map(check)
                        .orElse(CredentialVerifier.Verdict.refused("no verifier for " + principal.kind));
        if (verdict.actor().isEmpty()) {
            audit.refusal(new AuditLog.Refusal(name, principal == null ? "ANONYMOUS" : principal.kind.name(), "authenticate",
                    null, null, ErrorCode.AUTHENTICATION_FAILED, verdict.refusal(), remote));
            throw new AuthenticationFailedException();
        }
        Actor actor = verdict.actor().get();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(actor.name()))
                .addAttribute(Access.ACTOR_ATTRIBUTE, actor);
        actor.roles().forEach(r -> identity.addRole(r.wire()));
        return identity.build();
    }

    static String remoteAddress(RoutingContext routing) {
        if (routing == null || routing.request().remoteAddress() == null) {
            return null;
        }
        return routing.request().remoteAddress().hostAddress();
    }
}
