package vn.docaxis.agency;

/** An agency as every connected system may see it. */
public record AgencySummary(String code, String name, String parentCode, AgencyStatus status, String qd20Code,
                            boolean legacy) {

    static AgencySummary of(Agency a) {
        return new AgencySummary(a.code, a.name, a.parentCode, a.status, a.qd20Code, a.legacy);
    }
}
