package vn.docaxis.system;

/** The only response that ever carries a system's secret: creation and rotation. */
public record IssuedSecret(String id, String secret) {
}
