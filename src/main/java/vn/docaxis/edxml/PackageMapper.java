package vn.docaxis.edxml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Maps the envelope tree onto the package records; only structure is checked here, content by the validator. */
final class PackageMapper {

    private final Path workDir;
    private final Limits limits;

    PackageMapper(Path workDir, Limits limits) {
        this.workDir = workDir;
        this.limits = limits;
    }

    EdxmlPackage map(Node root) {
        Node envelope = required(root, "edXMLEnvelope");
        Node header = required(envelope, "edXMLHeader");
        Node message = required(header, "MessageHeader");
        SignatureForm signature = signature(header);
        Node body = envelope.child("edXMLBody");
        Node manifestNode = body == null ? null : body.child("edXMLManifest");
        List<ManifestReference> manifest = new ArrayList<>();
        if (manifestNode != null) {
            for (Node ref : manifestNode.all("Reference")) {
                manifest.add(new ManifestReference(ref.childText("ContentId"), ref.childText("ContentType"),
                        ref.childText("Description"), ref.childText("AttachmentName")));
            }
        }
        List<Attachment> attachments = new ArrayList<>();
        Node encoded = root.child("AttachmentEncoded");
        if (encoded != null) {
            int n = 0;
            for (Node a : encoded.all("Attachment")) {
                attachments.add(attachment(a, ++n));
            }
        }
        if (message.child("StatusCode") != null) {
            return new EdxmlPackage(PackageKind.STATUS, null, status(message), List.copyOf(manifest),
                    List.copyOf(attachments), signature);
        }
        return new EdxmlPackage(PackageKind.DOCUMENT, document(message, header.child("TraceHeaderList")), null,
                List.copyOf(manifest), List.copyOf(attachments), signature);
    }

    private static DocumentHeader document(Node m, Node traceList) {
        Node code = m.child("Code");
        Node promulgation = m.child("PromulgationInfo");
        Node type = m.child("DocumentType");
        Node signer = m.child("SignerInfo");
        Node toPlaces = m.child("ToPlaces");
        List<Organization> to = new ArrayList<>();
        for (Node t : m.all("To")) {
            to.add(organization(t));
        }
        List<ResponseFor> responseFor = new ArrayList<>();
        for (Node r : m.all("ResponseFor")) {
            ResponseFor rf = responseFor(r);
            if (rf.organId() != null || rf.documentId() != null || rf.code() != null) {
                responseFor.add(rf); // samples carry empty ResponseFor blocks
            }
        }
        List<TraceHeader> traces = new ArrayList<>();
        Business business = null;
        if (traceList != null) {
            for (Node t : traceList.all("TraceHeader")) {
                traces.add(new TraceHeader(t.childText("OrganId"), t.childText("Timestamp")));
            }
            Node b = traceList.child("Bussiness");
            business = b == null ? null : business(b);
        }
        return new DocumentHeader(organization(m.child("From")), List.copyOf(to), m.childText("DocumentId"),
                text(code, "CodeNumber"), text(code, "CodeNotation"), text(promulgation, "Place"),
                text(promulgation, "PromulgationDate"), text(type, "Type"), text(type, "TypeDetail"),
                text(type, "TypeName"), m.childText("Subject"), m.childText("Content"), text(signer, "Competence"),
                text(signer, "Position"), text(signer, "FullName"), m.childText("DueDate"),
                toPlaces == null ? List.of() : List.copyOf(toPlaces.childTexts("Place")), otherInfo(m.child("OtherInfo")),
                List.copyOf(responseFor), m.childText("SteeringType"), List.copyOf(traces), business);
    }

    private static StatusHeader status(Node m) {
        Node staff = m.child("StaffInfo");
        Node responseFor = m.child("ResponseFor");
        return new StatusHeader(organization(m.child("From")), responseFor == null ? null : responseFor(responseFor),
                staff == null ? null : staffInfo(staff), m.childText("StatusCode"), m.childText("Description"),
                m.childText("Timestamp"));
    }

    private static Business business(Node b) {
        List<Business.ReceiverChange> receivers = new ArrayList<>();
        String documentInfo = null;
        String documentReceiver = null;
        Node info = b.child("BussinessDocumentInfo");
        if (info != null) {
            documentInfo = info.childText("DocumentInfo");
            documentReceiver = info.childText("DocumentReceiver");
            Node list = info.child("ReceiverList");
            if (list != null) {
                for (Node r : list.all("Receiver")) {
                    receivers.add(new Business.ReceiverChange(r.childText("OrganId"), r.childText("ReceiverType")));
                }
            }
        }
        List<Business.Replacement> replacements = new ArrayList<>();
        Node replacementList = b.child("ReplacementInfoList");
        if (replacementList != null) {
            for (Node r : replacementList.all("ReplacementInfo")) {
                Node organs = r.child("OrganIdList");
                replacements.add(new Business.Replacement(r.childText("DocumentId"),
                        organs == null ? List.of() : List.copyOf(organs.childTexts("OrganId"))));
            }
        }
        List<StaffInfo> staff = new ArrayList<>();
        for (Node s : b.all("StaffInfo")) {
            staff.add(staffInfo(s));
        }
        return new Business(b.childText("DocumentId"), b.childText("BussinessDocType"), b.childText("BussinessDocReason"),
                b.childText("Paper"), documentInfo, documentReceiver, List.copyOf(receivers), List.copyOf(replacements),
                List.copyOf(staff));
    }

    private static OtherInfo otherInfo(Node o) {
        if (o == null) {
            return null;
        }
        Node appendixes = o.child("Appendixes");
        return new OtherInfo(o.childText("Priority"), o.childText("SphereOfPromulgation"), o.childText("TyperNotation"),
                o.childText("PromulgationAmount"), o.childText("PageAmount"), o.childText("Direction"),
                appendixes == null ? List.of() : List.copyOf(appendixes.childTexts("Appendix")));
    }

    private static Organization organization(Node o) {
        if (o == null) {
            return null;
        }
        return new Organization(o.childText("OrganId"), o.childText("OrganName"), o.childText("OrganizationInCharge"),
                o.childText("OrganAdd"), o.childText("Email"), o.childText("Telephone"), o.childText("Fax"),
                o.childText("Website"));
    }

    private static ResponseFor responseFor(Node r) {
        return new ResponseFor(r.childText("OrganId"), r.childText("Code"), r.childText("PromulgationDate"),
                r.childText("DocumentId"));
    }

    private static StaffInfo staffInfo(Node s) {
        return new StaffInfo(s.childText("Department"), s.childText("Staff"), s.childText("Mobile"), s.childText("Email"));
    }

    private Attachment attachment(Node a, int index) {
        String contentId = a.childText("ContentId");
        String name = a.childText("AttachmentName");
        String description = a.childText("Description");
        String contentType = a.childText("ContentType");
        Node content = a.child("ContentTransferEncoded");
        if (content == null || content.decoded == null) {
            return new Attachment(contentId, name, description, contentType, 0, null, null, false, null, 0, null, null,
                    "no ContentTransferEncoded");
        }
        Node.DecodedContent d = content.decoded;
        if (d.problem() != null) {
            return new Attachment(contentId, name, description, contentType, 0, null, null, false, null, 0, null, null,
                    d.problem());
        }
        if (d.size() == 0) {
            return new Attachment(contentId, name, description, contentType, 0, null, d.file(), false, null, 0, null,
                    null, "empty content");
        }
        if (!Magic.isZip(d.file())) {
            return new Attachment(contentId, name, description, contentType, d.size(), d.sha256(), d.file(), false,
                    d.file(), d.size(), d.sha256(), null, null);
        }
        ZippedContent.Result z = ZippedContent.open(d.file(), d.size(), workDir.resolve("content-" + index), limits);
        if (z.problem() != null) {
            return new Attachment(contentId, name, description, contentType, d.size(), d.sha256(), d.file(), true, null,
                    0, null, null, z.problem());
        }
        if (z.content() == null) { // several files: the archive is the content
            return new Attachment(contentId, name, description, contentType, d.size(), d.sha256(), d.file(), true,
                    d.file(), d.size(), d.sha256(), null, null);
        }
        return new Attachment(contentId, name, description, contentType, d.size(), d.sha256(), d.file(), true,
                z.content(), z.size(), z.sha256(), z.name(), null);
    }

    private static SignatureForm signature(Node header) {
        for (Node c : header.children) {
            if (c.name.equals("Signature")) {
                if (Edxml.DSIG_NS.equals(c.namespace)) {
                    return SignatureForm.STANDARD;
                }
                if (c.isEdxml()) {
                    return SignatureForm.LEGACY_QCVN_NAMESPACE;
                }
            }
        }
        return SignatureForm.NONE;
    }

    private static Node required(Node parent, String name) {
        Node n = parent.child(name);
        if (n == null) {
            throw EdxmlException.malformed("Not an edXML package: " + parent.name + " has no " + name);
        }
        return n;
    }

    private static String text(Node parent, String child) {
        return parent == null ? null : parent.childText(child);
    }
}
