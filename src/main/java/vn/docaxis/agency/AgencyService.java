package vn.docaxis.agency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.PageView;
import vn.docaxis.platform.Paging;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.UniqueViolations;
import vn.docaxis.security.Actor;
import vn.docaxis.security.AgencyDirectory;
import vn.docaxis.security.AuditLog;

/** The agency registry: who may send and receive, under which code, below which parent. */
@ApplicationScoped
public class AgencyService implements AgencyDirectory {

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    public AgencyView create(AgencyRequest request, Actor actor) {
        AgencyCode code = parseCode(request.code());
        if (Agency.findById(code.value()) != null) {
            throw new ProblemException(ErrorCode.AGENCY_EXISTS, "Agency " + code + " is already registered");
        }
        requireQd20Free(blankToNull(request.qd20Code()), code.value());
        Agency agency = newAgency(code);
        apply(agency, code, AgencyUpdate.of(request), this::registeredLineage);
        persistNew(agency);
        audit.change(actor, "agency.create", "agency", agency.code, describe(agency));
        return view(agency);
    }

    @Transactional
    public AgencyView update(String rawCode, AgencyUpdate update, Actor actor) {
        Agency agency = require(rawCode);
        requireQd20Free(blankToNull(update.qd20Code()), agency.code);
        String oldParent = agency.parentCode;
        apply(agency, parseCode(agency.code), update, this::registeredLineage);
        if (!Objects.equals(oldParent, agency.parentCode)) {
            relineageDescendants(agency.code);
        }
        agency.updatedAt = Now.instant();
        audit.change(actor, "agency.update", "agency", agency.code, describe(agency));
        return view(agency);
    }

    @Transactional
    public AgencyView setStatus(String rawCode, AgencyStatus status, Actor actor) {
        Agency agency = require(rawCode);
        if (agency.status != status) {
            agency.status = status;
            agency.updatedAt = Now.instant();
            audit.change(actor, status == AgencyStatus.SUSPENDED ? "agency.suspend" : "agency.activate",
                    "agency", agency.code, Map.of());
        }
        return view(agency);
    }

    public Optional<AgencyView> find(String code) {
        return Agency.<Agency>findByIdOptional(code).map(this::view);
    }

    public AgencyView get(String code) {
        return view(require(code));
    }

    public AgencySummary getSummary(String code) {
        return AgencySummary.of(require(code));
    }

    /**
     * The status of each registered agency among {@code codes}, in one query (a circular names
     * dozens). Asked of every submission, so it is one plain statement whose text never changes
     * ({@code = any(?)}): an HQL {@code in} list is a new query, built and planned again, for
     * every number of codes, and loaded whole agencies to read two columns.
     */
    public Map<String, AgencyStatus> statusesOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, AgencyStatus> statuses = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select code, status from agency where code = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), AgencyStatus.valueOf(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read agency statuses: " + e.getMessage(), e);
        }
        return statuses;
    }

    /** Whether the agency exists and may take part in exchanges. */
    public boolean isActive(String code) {
        return Agency.<Agency>findByIdOptional(code).map(a -> a.status == AgencyStatus.ACTIVE).orElse(false);
    }

    public PageView<AgencySummary> listSummaries(AgencyFilter filter, Paging paging) {
        return list(filter, paging, AgencySummary::of);
    }

    public PageView<AgencyView> listViews(AgencyFilter filter, Paging paging) {
        PageView<Agency> page = list(filter, paging, a -> a);
        Map<String, List<String>> fingerprints = fingerprintsOf(page.items().stream().map(a -> a.code).toList());
        return new PageView<>(page.items().stream().map(a -> view(a, fingerprints.getOrDefault(a.code, List.of())))
                .toList(), page.page(), page.size(), page.total());
    }

    @Override
    public boolean isRegistered(String code) {
        return code != null && Agency.count("code", code) > 0;
    }

    @Override
    public List<String> lineage(String code) {
        AgencyCode parsed;
        try {
            parsed = AgencyCode.parse(code);
        } catch (AgencyCode.InvalidAgencyCodeException e) {
            return List.of(String.valueOf(code));
        }
        if (!parsed.legacy()) {
            return derivedLineage(parsed);
        }
        return registeredLineage(code).orElse(List.of(code));
    }

    // ---- shared with the import ----

    Agency newAgency(AgencyCode code) {
        Agency agency = new Agency();
        agency.code = code.value();
        agency.legacy = code.legacy();
        agency.status = AgencyStatus.ACTIVE;
        agency.createdAt = Now.instant();
        agency.updatedAt = agency.createdAt;
        return agency;
    }

    /**
     * Sets an agency's details and its place in the tree. {@code lineageOf} finds registered (or,
     * during an import, pending) agencies, which a legacy code's parent must be.
     */
    void apply(Agency agency, AgencyCode code, AgencyUpdate update, Function<String, Optional<List<String>>> lineageOf) {
        String parent = resolveParent(code, update.parentCode(), lineageOf);
        agency.name = update.name().strip();
        agency.email = blankToNull(update.email());
        agency.phone = blankToNull(update.phone());
        agency.qd20Code = blankToNull(update.qd20Code());
        agency.parentCode = parent;
        List<String> lineage = new ArrayList<>();
        lineage.add(code.value());
        if (parent != null) {
            lineage.addAll(code.legacy() ? lineageOf.apply(parent).orElseThrow() : derivedLineage(AgencyCode.parse(parent)));
        }
        agency.lineage = lineage.toArray(String[]::new);
    }

    private static void requireQd20Free(String qd20Code, String code) {
        if (qd20Code == null) {
            return;
        }
        Agency holder = Agency.find("qd20Code", qd20Code).firstResult();
        if (holder != null && !holder.code.equals(code)) {
            throw new ProblemException(ErrorCode.QD20_CODE_TAKEN, "Decision 20 code " + qd20Code + " belongs to " + holder.code);
        }
    }

    void persistNew(Agency agency) {
        try {
            agency.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.is(e)) {
                throw new ProblemException(ErrorCode.AGENCY_EXISTS, "Agency " + agency.code + " is already registered "
                        + "or its Decision 20 code is taken");
            }
            throw e;
        }
    }

    Optional<List<String>> registeredLineage(String code) {
        return Agency.<Agency>findByIdOptional(code).map(a -> List.of(a.lineage));
    }

    static AgencyCode parseCode(String raw) {
        try {
            return AgencyCode.parse(raw);
        } catch (AgencyCode.InvalidAgencyCodeException e) {
            throw new ProblemException(ErrorCode.INVALID_AGENCY_CODE, e.getMessage(), Map.of("agencyCode", String.valueOf(raw)));
        }
    }

    static Map<String, Object> describe(Agency a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", a.name);
        putIfPresent(d, "parentCode", a.parentCode);
        putIfPresent(d, "qd20Code", a.qd20Code);
        putIfPresent(d, "email", a.email);
        putIfPresent(d, "phone", a.phone);
        return d;
    }

    // ---- internals ----

    private static String resolveParent(AgencyCode code, String given, Function<String, Optional<List<String>>> lineageOf) {
        String requested = blankToNull(given);
        if (!code.legacy()) {
            String derived = code.derivedParent().map(AgencyCode::value).orElse(null);
            if (requested != null && !requested.equals(derived)) {
                throw new ProblemException(ErrorCode.AGENCY_PARENT_MISMATCH, "By QCVN 102 the parent of " + code + " is "
                        + (derived == null ? "none (a top-level agency)" : derived) + ", not " + requested);
            }
            return derived;
        }
        if (requested == null) {
            return null;
        }
        parseCode(requested);
        List<String> parentLineage = lineageOf.apply(requested).orElseThrow(() -> new ProblemException(
                ErrorCode.UNKNOWN_AGENCY, "The parent " + requested + " of legacy code " + code
                + " must be registered first", Map.of("agencyCode", requested)));
        if (parentLineage.contains(code.value())) {
            throw new ProblemException(ErrorCode.AGENCY_PARENT_MISMATCH,
                    requested + " descends from " + code + ": it cannot be its parent");
        }
        return requested;
    }

    static List<String> derivedLineage(AgencyCode code) {
        List<String> lineage = new ArrayList<>();
        for (Optional<AgencyCode> c = Optional.of(code); c.isPresent(); c = c.get().derivedParent()) {
            lineage.add(c.get().value());
        }
        return lineage;
    }

    /** A legacy agency moved: every agency below it (nearest first) takes its new lineage. */
    @SuppressWarnings("unchecked")
    void relineageDescendants(String code) {
        List<String> below = Agency.getEntityManager().createNativeQuery(
                        "select code from agency where lineage @> array[cast(?1 as text)] and code <> ?1 "
                                + "order by cardinality(lineage)")
                .setParameter(1, code).getResultList();
        for (String c : below) {
            Agency child = Agency.findById(c);
            List<String> lineage = new ArrayList<>();
            lineage.add(child.code);
            lineage.addAll(registeredLineage(child.parentCode).orElseThrow());
            child.lineage = lineage.toArray(String[]::new);
            Agency.getEntityManager().flush(); // the next child reads this one's lineage
        }
    }

    private <T> PageView<T> list(AgencyFilter filter, Paging paging, Function<Agency, T> mapper) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.parent() != null) {
            q.append(" and parentCode = :parent");
            params.and("parent", filter.parent());
        }
        if (filter.status() != null) {
            q.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            q.append(" and (lower(name) like :text escape '\\' or lower(code) like :text escape '\\'"
                    + " or lower(qd20Code) like :text escape '\\')");
            params.and("text", "%" + escapeLike(filter.text().strip().toLowerCase()) + "%");
        }
        var query = Agency.<Agency>find(q.toString(), Sort.by("code"), params).page(Page.of(paging.page(), paging.size()));
        List<T> items = query.list().stream().map(mapper).collect(Collectors.toList());
        return new PageView<>(items, paging.page(), paging.size(), query.count());
    }

    private Agency require(String code) {
        return Agency.<Agency>findByIdOptional(code).orElseThrow(() -> new ProblemException(ErrorCode.AGENCY_NOT_FOUND,
                "No agency " + code + " is registered", Map.of("agencyCode", String.valueOf(code))));
    }

    AgencyView view(Agency a) {
        return view(a, fingerprintsOf(List.of(a.code)).getOrDefault(a.code, List.of()));
    }

    private static AgencyView view(Agency a, List<String> fingerprints) {
        return new AgencyView(a.code, a.name, a.parentCode, a.qd20Code, a.email, a.phone, a.status, a.legacy,
                fingerprints, a.createdAt, a.updatedAt);
    }

    private static Map<String, List<String>> fingerprintsOf(List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return AgencyCertificate.<AgencyCertificate>list("agencyCode in ?1", Sort.by("fingerprint"), codes).stream()
                .collect(Collectors.groupingBy(c -> c.agencyCode, Collectors.mapping(c -> c.fingerprint, Collectors.toList())));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void putIfPresent(Map<String, Object> d, String k, Object v) {
        if (v != null) {
            d.put(k, v);
        }
    }
}
