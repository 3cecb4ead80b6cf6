package vn.docaxis.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Strict mode: validates a package against the XSDs of {@code schemas/} (on the classpath under
 * {@code /schemas}). Compiled once; validation streams, so large attachments cost no memory.
 * Runs after {@link EdxmlReader}, which has already refused DOCTYPEs and entities.
 */
public final class EdxmlSchemas {

    private static final int MAX_REPORTED = 20;

    private final Schema document;
    private final Schema status;

    public EdxmlSchemas() {
        this.document = compile("qcvn102-document.xsd");
        this.status = compile("qcvn102-status.xsd");
    }

    /**
     * @throws EdxmlException EDXML_INVALID with every schema violation found (up to 20)
     */
    public void validate(Path file, PackageKind kind) {
        Validator validator = (kind == PackageKind.DOCUMENT ? document : status).newValidator();
        List<EdxmlException.FieldError> errors = new ArrayList<>();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    errors.add(new EdxmlException.FieldError("line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                            e.getMessage()));
                    if (errors.size() >= MAX_REPORTED) {
                        throw e;
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    error(e);
                    throw e;
                }
            });
            validator.validate(new StreamSource(file.toFile()));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(new EdxmlException.FieldError("package", e.getMessage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw EdxmlException.invalid(errors);
        }
    }

    private static Schema compile(String name) {
        URL url = EdxmlSchemas.class.getResource("/schemas/" + name);
        if (url == null) {
            throw new IllegalStateException("schemas/" + name + " is not on the classpath");
        }
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // includes resolve next to the schema, on the classpath (file: in tests, jar: in the app)
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            StreamSource source = new StreamSource(in, url.toExternalForm());
            return factory.newSchema(source);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("Cannot compile schemas/" + name, e);
        }
    }
}
