package vn.docaxis.vdxp;

/** A VDXP refusal: answered as HTTP 200 with {@code status} FAIL and the error's code. */
public class VdxpException extends RuntimeException {

    private final VdxpError error;

    public VdxpException(VdxpError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    public VdxpError error() {
        return error;
    }
}
