package vn.docaxis.signature;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Check 5 of SIGNATURES.md: what the revisions after a signature changed. Signing may add a
 * signature value, its field and widget with their appearance, update the AcroForm, give a page's
 * /Annots the new widget, point the catalog at the AcroForm and at DSS validation data, and
 * update the document information's dates. Everything else — page content, resources, other
 * annotations, pages — is a modification after signing (incremental-saving and shadow attacks).
 * Allowed by rule, refused otherwise.
 */
final class RevisionAnalyzer {

    private static final COSName FT = COSName.getPDFName("FT");
    private static final COSName SIG = COSName.getPDFName("Sig");
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName DOC_TIMESTAMP = COSName.getPDFName("DocTimeStamp");
    private static final COSName OBJ_STM = COSName.getPDFName("ObjStm");
    private static final Set<COSName> CATALOG_KEYS = Set.of(COSName.ACRO_FORM, DSS, COSName.getPDFName("Extensions"));
    private static final Set<COSName> ACROFORM_KEYS = Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR, COSName.DA,
            COSName.NEED_APPEARANCES);
    private static final Set<COSName> SIGNED_FIELD_KEYS = Set.of(COSName.V, COSName.AP, COSName.F,
            COSName.getPDFName("Lock"), COSName.getPDFName("SV"));
    private static final Set<COSName> INFO_KEYS = Set.of(COSName.MOD_DATE, COSName.PRODUCER);

    private final PdfBytes bytes;
    private final COSDocument full;

    RevisionAnalyzer(PdfBytes bytes, PDDocument fullDocument) {
        this.bytes = bytes;
        this.full = fullDocument.getDocument();
    }

    /** What the revisions after byte {@code end} changed beyond signing; empty when nothing. */
    List<String> disallowedChangesAfter(long end) throws IOException {
        try (PDDocument prefix = new FastHexPdfParser(bytes.reader(end)).parse(false)) {
            COSDocument before = prefix.getDocument();
            Map<COSObjectKey, Long> oldXref = before.getXrefTable();
            Map<COSObjectKey, Long> newXref = full.getXrefTable();
            Set<COSObjectKey> added = new LinkedHashSet<>();
            Set<COSObjectKey> changed = new LinkedHashSet<>();
            for (COSObjectKey key : newXref.keySet()) {
                if (offset(key, newXref) >= end) {
                    (oldXref.containsKey(key) ? changed : added).add(key);
                }
            }
            List<String> findings = new ArrayList<>();
            for (COSObjectKey key : oldXref.keySet()) {
                if (!newXref.containsKey(key)) {
                    findings.add("object " + key.getNumber() + " was deleted");
                }
            }
            Set<COSObjectKey> roots = new HashSet<>();
            Set<COSObjectKey> allowed = new HashSet<>();
            COSObjectKey info = keyOf(full.getTrailer().getItem(COSName.INFO));
            for (COSObjectKey key : added) {
                COSBase object = dereference(full, key);
                if (isStructural(object) || isSignatureValue(object)) {
                    allowed.add(key);
                } else if (isSignatureField(object) || isType(object, DSS)) {
                    allowed.add(key);
                    roots.add(key);
                } else if (object instanceof COSDictionary d && d.containsKey(COSName.FIELDS) && !d.containsKey(COSName.TYPE)) {
                    if (onlySignatureFieldsAdded(null, d.getItem(COSName.FIELDS), added)) {
                        allowed.add(key);
                        roots.add(key);
                    }
                }
            }
            for (COSObjectKey key : changed) {
                COSBase now = dereference(full, key);
                COSBase then = dereference(before, key);
                String problem = changeProblem(key, then, now, info, added);
                if (problem == null) {
                    roots.add(key);
                } else {
                    findings.add(problem);
                }
            }
            allowed.addAll(reachableNew(roots, added));
            for (COSObjectKey key : added) {
                if (!allowed.contains(key)) {
                    findings.add("object " + key.getNumber() + " (" + describe(dereference(full, key)) + ") was added");
                }
            }
            return findings;
        }
    }

    /** Why a changed object is not a change signing makes, or null when it is one. */
    private String changeProblem(COSObjectKey key, COSBase then, COSBase now, COSObjectKey info, Set<COSObjectKey> added) {
        String what = "object " + key.getNumber() + " (" + describe(now) + ")";
        if (now instanceof COSStream s && (isType(s, COSName.METADATA) || isStructural(s))) {
            return null; // XMP metadata dates; xref and object streams are structure
        }
        if (!(then instanceof COSDictionary oldDict) || !(now instanceof COSDictionary newDict)) {
            if (then instanceof COSArray oldArray && now instanceof COSArray newArray) {
                return onlySignatureFieldsAdded(oldArray, newArray, added) ? null
                        : what + " changed beyond gaining a signature field or widget";
            }
            return what + " was changed";
        }
        if (then instanceof COSStream || now instanceof COSStream) {
            return what + " was changed"; // content streams, fonts, images: never
        }
        Set<COSName> differing = differingKeys(oldDict, newDict);
        if (differing.isEmpty()) {
            return null;
        }
        if (isType(newDict, COSName.CATALOG)) {
            return CATALOG_KEYS.containsAll(differing) ? null : what + " changed " + differing;
        }
        if (isType(newDict, COSName.PAGE)) {
            if (!Set.of(COSName.ANNOTS).containsAll(differing)) {
                return what + " changed " + differing;
            }
            return onlySignatureFieldsAdded(oldDict.getItem(COSName.ANNOTS), newDict.getItem(COSName.ANNOTS), added) ? null
                    : what + ": /Annots gained more than a signature widget";
        }
        if (isSignatureField(then)) {
            return SIGNED_FIELD_KEYS.containsAll(differing) ? null : what + " changed " + differing;
        }
        if (newDict.containsKey(COSName.FIELDS) && oldDict.containsKey(COSName.FIELDS)) {
            if (!ACROFORM_KEYS.containsAll(differing)) {
                return what + " changed " + differing;
            }
            return onlySignatureFieldsAdded(oldDict.getItem(COSName.FIELDS), newDict.getItem(COSName.FIELDS), added) ? null
                    : what + ": /Fields gained more than a signature field";
        }
        if (key.equals(info)) {
            return INFO_KEYS.containsAll(differing) ? null : what + " changed " + differing;
        }
        return what + " changed " + differing;
    }

    /** Whether {@code after} holds everything {@code before} held, plus only signature fields or widgets. */
    private boolean onlySignatureFieldsAdded(COSBase before, COSBase after, Set<COSObjectKey> added) {
        List<COSBase> old = elements(before);
        List<COSBase> now = elements(after);
        if (now == null) {
            return old == null || old.isEmpty();
        }
        List<COSBase> remaining = new ArrayList<>(now);
        for (COSBase o : old == null ? List.<COSBase>of() : old) {
            if (!removeSame(remaining, o)) {
                return false;
            }
        }
        for (COSBase extra : remaining) {
            COSBase target = extra instanceof COSObject o ? o.getObject() : extra;
            if (!isSignatureField(target)) {
                return false;
            }
        }
        return true;
    }

    /** New objects reachable from allowed changes: appearance streams, their fonts and images, DSS data. */
    private Set<COSObjectKey> reachableNew(Set<COSObjectKey> roots, Set<COSObjectKey> added) {
        Set<COSObjectKey> seen = new HashSet<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        for (COSObjectKey root : roots) {
            COSBase object = dereference(full, root);
            if (object instanceof COSDictionary d) {
                // from a field or widget only its appearance; from an AcroForm only its resources
                if (isSignatureField(d)) {
                    todo.add(d.getItem(COSName.AP) == null ? COSName.AP : d.getItem(COSName.AP));
                } else if (d.containsKey(COSName.FIELDS)) {
                    todo.add(d.getItem(COSName.DR) == null ? COSName.DR : d.getItem(COSName.DR));
                } else if (isType(d, COSName.CATALOG)) {
                    todo.add(d.getItem(DSS) == null ? DSS : d.getItem(DSS));
                } else {
                    todo.add(d);
                }
            }
        }
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject ref) {
                COSObjectKey key = ref.getKey();
                if (key == null || !added.contains(key) || !seen.add(key)) {
                    continue; // only new objects are followed; existing ones are judged on their own
                }
                next = ref.getObject();
            }
            if (next instanceof COSDictionary d) {
                for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                    if (!COSName.P.equals(e.getKey()) && !COSName.PARENT.equals(e.getKey())) {
                        todo.add(e.getValue());
                    }
                }
            } else if (next instanceof COSArray a) {
                a.forEach(todo::add);
            }
        }
        return seen;
    }

    private static Set<COSName> differingKeys(COSDictionary a, COSDictionary b) {
        Set<COSName> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        Set<COSName> differing = new LinkedHashSet<>();
        for (COSName k : keys) {
            if (!same(a.getItem(k), b.getItem(k))) {
                differing.add(k);
            }
        }
        return differing;
    }

    /** Structural equality; indirect references are equal when they name the same object. */
    private static boolean same(COSBase a, COSBase b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof COSObject x && b instanceof COSObject y) {
            return x.getKey() != null && x.getKey().equals(y.getKey());
        }
        if (a instanceof COSStream || b instanceof COSStream) {
            return false;
        }
        if (a instanceof COSDictionary x && b instanceof COSDictionary y) {
            return differingKeys(x, y).isEmpty();
        }
        if (a instanceof COSArray x && b instanceof COSArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean removeSame(List<COSBase> list, COSBase item) {
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i), item)) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }

    private static List<COSBase> elements(COSBase value) {
        COSBase v = value instanceof COSObject o ? o.getObject() : value;
        if (v == null) {
            return null;
        }
        if (v instanceof COSArray a) {
            List<COSBase> items = new ArrayList<>(a.size());
            a.forEach(items::add);
            return items;
        }
        return List.of(v);
    }

    static boolean isSignatureField(COSBase object) {
        if (!(object instanceof COSDictionary d)) {
            return false;
        }
        if (SIG.equals(d.getCOSName(FT))) {
            return true;
        }
        if (COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))) {
            COSBase parent = d.getDictionaryObject(COSName.PARENT);
            return parent instanceof COSDictionary p && SIG.equals(p.getCOSName(FT));
        }
        return false;
    }

    private static boolean isSignatureValue(COSBase object) {
        return object instanceof COSDictionary d && !(d instanceof COSStream)
                && (isType(d, SIG) || isType(d, DOC_TIMESTAMP) || (d.containsKey(COSName.BYTERANGE) && d.containsKey(COSName.CONTENTS)));
    }

    private static boolean isStructural(COSBase object) {
        return object instanceof COSStream s && (isType(s, COSName.XREF) || isType(s, OBJ_STM));
    }

    private static boolean isType(COSBase object, COSName type) {
        return object instanceof COSDictionary d && type.equals(d.getCOSName(COSName.TYPE));
    }

    private static String describe(COSBase object) {
        if (object instanceof COSDictionary d) {
            COSName type = d.getCOSName(COSName.TYPE);
            COSName subtype = d.getCOSName(COSName.SUBTYPE);
            String kind = object instanceof COSStream ? "stream" : "dictionary";
            return kind + (type == null ? "" : " /" + type.getName()) + (subtype == null ? "" : " /" + subtype.getName());
        }
        return object == null ? "nothing" : object.getClass().getSimpleName();
    }

    private static COSBase dereference(COSDocument document, COSObjectKey key) {
        COSObject object = document.getObjectFromPool(key);
        return object == null ? null : object.getObject();
    }

    private static COSObjectKey keyOf(COSBase value) {
        return value instanceof COSObject o ? o.getKey() : null;
    }

    /** Where an object is defined: its offset, or that of the object stream holding it. */
    private static long offset(COSObjectKey key, Map<COSObjectKey, Long> xref) {
        Long value = xref.get(key);
        if (value == null) {
            return -1;
        }
        if (value < 0) {
            Long stream = xref.get(new COSObjectKey(-value, 0));
            return stream == null ? Long.MAX_VALUE : stream;
        }
        return value;
    }
}
