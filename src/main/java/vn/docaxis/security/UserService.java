package vn.docaxis.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;

/** People's accounts: admins, auditors and clerks. */
@ApplicationScoped
public class UserService implements CredentialVerifier {

    static final String ACTIVE = "ACTIVE";
    static final String DISABLED = "DISABLED";

    @Inject
    AuditLog audit;

    @Inject
    AgencyDirectory agencies;

    @Transactional
    public UserView create(UserRequest request, Actor actor) {
        AppUser user = newUser(request);
        audit.change(actor, "user.create", "user", user.username, describe(user));
        return UserView.of(user);
    }

    @Transactional
    public UserView update(String username, UserUpdate update, Actor actor) {
        AppUser user = require(username);
        List<String> roles = checkedRoles(update.roles(), update.agencies());
        if (!roles.contains(Role.ADMIN.wire())) {
            requireAnotherAdmin(user);
        }
        user.roles = roles.toArray(String[]::new);
        user.agencies = distinct(update.agencies()).toArray(String[]::new);
        user.displayName = update.displayName();
        user.updatedAt = Now.instant();
        audit.change(actor, "user.update", "user", user.username, describe(user));
        return UserView.of(user);
    }

    @Transactional
    public void changePassword(String username, String password, Actor actor) {
        AppUser user = require(username);
        Passwords.requirePolicy(password);
        user.passwordHash = Passwords.hash(password.toCharArray());
        user.updatedAt = Now.instant();
        audit.change(actor, "user.password", "user", user.username, Map.of());
    }

    @Transactional
    public UserView setStatus(String username, boolean active, Actor actor) {
        AppUser user = require(username);
        String status = active ? ACTIVE : DISABLED;
        if (!status.equals(user.status)) {
            if (!active) {
                requireAnotherAdmin(user);
            }
            user.status = status;
            user.updatedAt = Now.instant();
            audit.change(actor, active ? "user.enable" : "user.disable", "user", user.username, Map.of());
        }
        return UserView.of(user);
    }

    public UserView get(String username) {
        return UserView.of(require(username));
    }

    public PageView<UserView> list(Paging paging) {
        var query = AppUser.<AppUser>findAll(Sort.by("username")).page(paging.page(), paging.size());
        return new PageView<>(query.list().stream().map(UserView::of).toList(), paging.page(), paging.size(), query.count());
    }

    /** Whether any active admin exists (the first start creates one when none does). */
    public boolean hasActiveAdmin() {
        return AppUser.count("status = ?1 and array_contains(roles, ?2)", ACTIVE, Role.ADMIN.wire()) > 0;
    }

    @Override
    public Actor.Kind kind() {
        return Actor.Kind.USER;
    }

    @Override
    public Verdict verify(String name, char[] secret) {
        AppUser user = AppUser.findById(name);
        if (user == null) {
            Passwords.spendDecoyTime(secret);
            return Verdict.refused("unknown user");
        }
        if (!Passwords.matches(user.passwordHash, secret)) {
            return Verdict.refused("wrong password");
        }
        if (!ACTIVE.equals(user.status)) {
            return Verdict.refused("user disabled");
        }
        return Verdict.accepted(actorOf(user));
    }

    @Override
    public Verdict resume(String name) {
        AppUser user = AppUser.findById(name);
        if (user == null || !ACTIVE.equals(user.status)) {
            return Verdict.refused("session of a missing or disabled user");
        }
        return Verdict.accepted(actorOf(user));
    }

    private static Actor actorOf(AppUser user) {
        return new Actor(user.username, Actor.Kind.USER,
                Arrays.stream(user.roles).map(Role::fromWire).collect(Collectors.toSet()),
                Set.of(user.agencies), Set.of(), false);
    }

    private AppUser newUser(UserRequest request) {
        Passwords.requirePolicy(request.password());
        List<String> roles = checkedRoles(request.roles(), request.agencies());
        PrincipalName.claim(request.username(), Actor.Kind.USER);
        AppUser user = new AppUser();
        user.username = request.username();
        user.displayName = request.displayName();
        user.passwordHash = Passwords.hash(request.password().toCharArray());
        user.roles = roles.toArray(String[]::new);
        user.agencies = distinct(request.agencies()).toArray(String[]::new);
        user.status = ACTIVE;
        user.createdAt = Now.instant();
        user.updatedAt = user.createdAt;
        user.persist();
        return user;
    }

    private List<String> checkedRoles(List<Role> roles, List<String> agencyCodes) {
        if (roles.stream().anyMatch(r -> r == null || r == Role.SYSTEM)) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED, "A person's roles are admin, auditor and clerk",
                    Map.of("field", "roles"));
        }
        List<String> codes = distinct(agencyCodes);
        boolean clerk = roles.contains(Role.CLERK);
        if (clerk && codes.isEmpty()) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED, "A clerk must be bound to at least one agency",
                    Map.of("field", "agencies"));
        }
        if (!clerk && !codes.isEmpty()) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED,
                    "Only clerks are bound to agencies; admins and auditors see all of them", Map.of("field", "agencies"));
        }
        for (String code : codes) {
            if (!agencies.isRegistered(code)) {
                throw new ProblemException(ErrorCode.UNKNOWN_AGENCY, "Agency " + code + " is not registered",
                        Map.of("agencyCode", code));
            }
        }
        return roles.stream().distinct().map(Role::wire).sorted().toList();
    }

    /** Refuses to leave the axis without an active admin. Locks the admins so two demotions cannot race. */
    private void requireAnotherAdmin(AppUser user) {
        if (!Arrays.asList(user.roles).contains(Role.ADMIN.wire()) || !ACTIVE.equals(user.status)) {
            return;
        }
        long others = AppUser.<AppUser>find("status = ?1 and array_contains(roles, ?2)", ACTIVE, Role.ADMIN.wire())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .filter(u -> !u.username.equals(user.username)).count();
        if (others == 0) {
            throw new ProblemException(ErrorCode.LAST_ADMIN, user.username + " is the last active admin");
        }
    }

    private AppUser require(String username) {
        return AppUser.<AppUser>findByIdOptional(username).orElseThrow(() -> new ProblemException(ErrorCode.USER_NOT_FOUND,
                "No user " + username, Map.of("username", String.valueOf(username))));
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().sorted().toList();
    }

    private static Map<String, Object> describe(AppUser u) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("roles", List.of(u.roles));
        d.put("agencies", List.of(u.agencies));
        if (u.displayName != null) {
            d.put("displayName", u.displayName);
        }
        return d;
    }
}
