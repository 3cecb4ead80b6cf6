package vn.docaxis.edxml;

/** Names of the edXML format (QCVN 102:2016), see ../shared/docs/EDXML.md. */
public final class Edxml {

    /** The namespace of every edXML element. */
    public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** The W3C XML-DSig namespace, also accepted for the envelope {@code Signature}. */
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private Edxml() {
    }
}
