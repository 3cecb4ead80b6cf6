package vn.docaxis.edxml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.docaxis.platform.ErrorCode;

class EdxmlSchemasTest {

    private static final EdxmlSchemas SCHEMAS = new EdxmlSchemas();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"status_inbox_01.edxml", "status_rejection_02.edxml", "status_acceptance_03.edxml",
            "status_assignment_04.edxml", "status_processing_05.edxml", "status_finish_06.edxml",
            "status_cancellation_13.edxml", "status_change-acceptance_15.edxml", "status_change-rejection_16.edxml"})
    void theOfficialStatusSamplesAreSchemaValid(String file) throws Exception {
        assertDoesNotThrow(() -> SCHEMAS.validate(EdxmlReaderTest.sample(file), PackageKind.STATUS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"edoc_update.edxml", "edoc_revocation.edxml", "edoc_replacement.edxml"})
    void theOfficialDocumentSamplesAreSchemaValid(String file) throws Exception {
        assertDoesNotThrow(() -> SCHEMAS.validate(EdxmlReaderTest.sample(file), PackageKind.DOCUMENT));
    }

    @Test
    void packagesWrittenByTheAxisAreSchemaValid() throws Exception {
        Path file = dir.resolve("doc.edxml");
        try (OutputStream out = Files.newOutputStream(file)) {
            EdxmlWriter.writeDocument(out, TestHeaders.document("000.00.00.G22", "000.00.00.H41"),
                    List.of(AttachmentSource.of("cid:1", "a.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'})));
        }
        assertDoesNotThrow(() -> SCHEMAS.validate(file, PackageKind.DOCUMENT));
    }

    @Test
    void reportsViolationsWithTheirLines() throws Exception {
        String xml = Files.readString(EdxmlReaderTest.sample("status_inbox_01.edxml"))
                .replace("<edXML:StatusCode>01</edXML:StatusCode>", "<edXML:StatusCode>09</edXML:StatusCode>")
                .replace("<edXML:Timestamp>2015/09/20 11:08:36</edXML:Timestamp>", "<edXML:Colour>red</edXML:Colour>");
        Path file = dir.resolve("bad.edxml");
        Files.writeString(file, xml);
        EdxmlException e = assertThrows(EdxmlException.class, () -> SCHEMAS.validate(file, PackageKind.STATUS));
        assertEquals(ErrorCode.EDXML_INVALID, e.code());
        @SuppressWarnings("unchecked")
        List<EdxmlException.FieldError> errors = (List<EdxmlException.FieldError>) e.extensions().get("errors");
        assertTrue(errors.size() >= 2, errors.toString());
        assertTrue(errors.get(0).field().startsWith("line "), errors.toString());
    }
}
