package vn.docaxis.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.docaxis.platform.Csv;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.platform.UniqueViolations;
import vn.docaxis.security.Actor;
import vn.docaxis.security.AuditLog;

/**
 * Registers or updates many agencies at once, all or nothing: any bad line refuses the whole
 * import with every line's errors, and nothing is written.
 */
@ApplicationScoped
public class AgencyImport {

    /** CSV columns, matched by header name without regard to case; code and name are required. */
    static final List<String> CSV_COLUMNS = List.of("code", "name", "parentCode", "qd20Code", "email", "phone");
    private static final int MAX_REPORTED_ERRORS = 1000;

    @Inject
    AgencyService agencies;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    /** One agency to import, with its line in the CSV (or its 1-based position in a JSON array). */
    public record Row(int line, AgencyRequest request) {
    }

    /** Why one line was refused. {@code code} is the problem code the same line would get alone. */
    public record LineError(int line, String agencyCode, String code, String field, String message) {
    }

    public record Result(int created, int updated, int unchanged) {
    }

    public static List<Row> fromJson(List<AgencyRequest> requests) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            rows.add(new Row(i + 1, requests.get(i)));
        }
        return rows;
    }

    public static List<Row> fromCsv(String text) {
        List<Csv.Record> records = Csv.parse(text);
        if (records.isEmpty()) {
            return List.of();
        }
        Csv.Record header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            String column = CSV_COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new ProblemException(ErrorCode.MALFORMED_CSV, "Unknown column '" + name
                            + "' in the header; expected " + String.join(",", CSV_COLUMNS), Map.of("line", 1)));
            if (index.put(column, i) != null) {
                throw new ProblemException(ErrorCode.MALFORMED_CSV, "Column '" + column + "' appears twice", Map.of("line", 1));
            }
        }
        if (!index.containsKey("code") || !index.containsKey("name")) {
            throw new ProblemException(ErrorCode.MALFORMED_CSV, "The header must name at least the columns code and name",
                    Map.of("line", 1));
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            if (r.fields().size() != header.fields().size()) {
                throw new ProblemException(ErrorCode.MALFORMED_CSV, "Line " + r.line() + " has " + r.fields().size()
                        + " fields, the header " + header.fields().size(), Map.of("line", r.line()));
            }
            Function<String, String> cell = c -> index.containsKey(c) ? AgencyService.blankToNull(r.fields().get(index.get(c))) : null;
            rows.add(new Row(r.line(), new AgencyRequest(cell.apply("code"), cell.apply("name"), cell.apply("parentCode"),
                    cell.apply("qd20Code"), cell.apply("email"), cell.apply("phone"))));
        }
        return rows;
    }

    @Transactional
    public Result importAll(List<Row> rows, Actor actor) {
        if (rows.isEmpty()) {
            throw new ProblemException(ErrorCode.VALIDATION_FAILED, "Nothing to import");
        }
        List<LineError> errors = new ArrayList<>();
        Map<String, Row> byCode = new LinkedHashMap<>();
        Map<String, AgencyCode> codes = new HashMap<>();
        Map<String, Integer> qd20Lines = new HashMap<>();
        for (Row row : rows) {
            validateAlone(row, errors, byCode, codes, qd20Lines);
        }
        Map<String, Agency> existing = new HashMap<>();
        if (!byCode.isEmpty()) {
            Agency.<Agency>list("code in ?1", List.copyOf(byCode.keySet())).forEach(a -> existing.put(a.code, a));
        }
        checkQd20AgainstRegistry(byCode, errors);

        Map<String, List<String>> pending = new HashMap<>();
        Function<String, Optional<List<String>>> lineageOf =
                c -> pending.containsKey(c) ? Optional.of(pending.get(c)) : agencies.registeredLineage(c);
        Map<String, Map<String, Object>> before = new HashMap<>();
        existing.values().forEach(a -> before.put(a.code, AgencyService.describe(a)));
        List<Agency> created = new ArrayList<>();
        List<String> parentChanged = new ArrayList<>();
        for (Row row : inDependencyOrder(byCode, codes, existing)) {
            AgencyCode code = codes.get(row.request().code());
            Agency agency = existing.get(code.value());
            boolean isNew = agency == null;
            if (isNew) {
                agency = agencies.newAgency(code);
            }
            String oldParent = agency.parentCode;
            try {
                agencies.apply(agency, code, AgencyUpdate.of(row.request()), lineageOf);
            } catch (ProblemException e) {
                errors.add(new LineError(row.line(), code.value(), e.code().name(), null, e.detail()));
                continue;
            }
            pending.put(agency.code, List.of(agency.lineage));
            if (isNew) {
                created.add(agency);
            } else if (!Objects.equals(oldParent, agency.parentCode)) {
                parentChanged.add(agency.code);
            }
        }
        if (!errors.isEmpty()) {
            refuse(errors);
        }
        List<String> updated = new ArrayList<>();
        for (Agency a : existing.values()) {
            if (!AgencyService.describe(a).equals(before.get(a.code))) {
                a.updatedAt = Now.instant();
                updated.add(a.code);
            }
        }
        try {
            created.forEach(a -> a.persist());
            Agency.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.is(e)) {
                throw new ProblemException(ErrorCode.CONCURRENT_MODIFICATION,
                        "Another request registered some of these agencies at the same time; nothing was imported");
            }
            throw e;
        }
        parentChanged.forEach(agencies::relineageDescendants);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("created", created.stream().map(a -> a.code).sorted().toList());
        detail.put("updated", updated.stream().sorted().toList());
        audit.change(actor, "agency.import", "agency", null, detail);
        return new Result(created.size(), updated.size(), rows.size() - created.size() - updated.size());
    }

    private void validateAlone(Row row, List<LineError> errors, Map<String, Row> byCode, Map<String, AgencyCode> codes,
                               Map<String, Integer> qd20Lines) {
        AgencyRequest r = row.request();
        if (r == null) {
            errors.add(new LineError(row.line(), null, ErrorCode.VALIDATION_FAILED.name(), null, "empty entry"));
            return;
        }
        int before = errors.size();
        validator.validate(r).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(lineError(row, v)));
        if (r.code() == null || errors.size() > before) {
            return;
        }
        try {
            codes.put(r.code(), AgencyCode.parse(r.code()));
        } catch (AgencyCode.InvalidAgencyCodeException e) {
            errors.add(new LineError(row.line(), r.code(), ErrorCode.INVALID_AGENCY_CODE.name(), "code", e.getMessage()));
            return;
        }
        Row earlier = byCode.putIfAbsent(r.code(), row);
        if (earlier != null) {
            errors.add(new LineError(row.line(), r.code(), ErrorCode.VALIDATION_FAILED.name(), "code",
                    "the same code is already on line " + earlier.line()));
            return;
        }
        String qd20 = AgencyService.blankToNull(r.qd20Code());
        if (qd20 != null) {
            Integer other = qd20Lines.putIfAbsent(qd20, row.line());
            if (other != null) {
                errors.add(new LineError(row.line(), r.code(), ErrorCode.QD20_CODE_TAKEN.name(), "qd20Code",
                        "the same Decision 20 code is already on line " + other));
            }
        }
    }

    /** A Decision 20 code held in the registry by an agency the import does not give another one. */
    private static void checkQd20AgainstRegistry(Map<String, Row> byCode, List<LineError> errors) {
        Map<String, Row> byQd20 = new HashMap<>();
        byCode.values().forEach(r -> {
            String q = AgencyService.blankToNull(r.request().qd20Code());
            if (q != null) {
                byQd20.put(q, r);
            }
        });
        if (byQd20.isEmpty()) {
            return;
        }
        for (Agency holder : Agency.<Agency>list("qd20Code in ?1", List.copyOf(byQd20.keySet()))) {
            Row row = byQd20.get(holder.qd20Code);
            if (row.request().code().equals(holder.code)) {
                continue;
            }
            Row holderRow = byCode.get(holder.code);
            boolean released = holderRow != null && !holder.qd20Code.equals(AgencyService.blankToNull(holderRow.request().qd20Code()));
            if (!released) {
                errors.add(new LineError(row.line(), row.request().code(), ErrorCode.QD20_CODE_TAKEN.name(), "qd20Code",
                        "Decision 20 code " + holder.qd20Code + " belongs to " + holder.code));
            }
        }
    }

    /**
     * QCVN codes need nothing but themselves; a legacy code needs its parent placed first. A legacy
     * row whose parent is neither registered nor in the file, or that is part of a cycle, is kept
     * for last and then refused by {@link AgencyService#apply}.
     */
    private static List<Row> inDependencyOrder(Map<String, Row> byCode, Map<String, AgencyCode> codes,
                                               Map<String, Agency> existing) {
        List<Row> ordered = new ArrayList<>();
        List<Row> waiting = new ArrayList<>();
        for (Row row : byCode.values()) {
            (codes.get(row.request().code()).legacy() ? waiting : ordered).add(row);
        }
        Set<String> placed = new HashSet<>();
        ordered.forEach(r -> placed.add(r.request().code()));
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Row row = it.next();
                String parent = AgencyService.blankToNull(row.request().parentCode());
                boolean ready = parent == null || placed.contains(parent)
                        || (!byCode.containsKey(parent) && (existing.containsKey(parent) || Agency.findById(parent) != null));
                if (ready) {
                    ordered.add(row);
                    placed.add(row.request().code());
                    it.remove();
                    progress = true;
                }
            }
        }
        ordered.addAll(waiting);
        return ordered;
    }

    private static LineError lineError(Row row, ConstraintViolation<AgencyRequest> v) {
        String field = v.getPropertyPath().toString();
        return new LineError(row.line(), row.request().code(), ErrorCode.VALIDATION_FAILED.name(), field,
                field + ": " + v.getMessage());
    }

    private static void refuse(List<LineError> errors) {
        errors.sort(Comparator.comparingInt(LineError::line));
        List<LineError> shown = errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS) : errors;
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("errors", List.copyOf(shown));
        ext.put("errorCount", errors.size());
        throw new ProblemException(ErrorCode.IMPORT_FAILED, errors.size() + " line(s) refused; nothing was imported. "
                + "First: line " + errors.get(0).line() + ": " + errors.get(0).message(), ext);
    }
}
