package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/error-codes.md} lists exactly the codes of {@link ErrorCode}, in order, with their layer and HTTP status. */
class ErrorCatalogueTest {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z_]+)`\\s*\\|\\s*([a-z]+)\\s*\\|\\s*([^|]+?)\\s*\\|.*\\|\\s*$");

    @Test
    void docsMatchTheEnum() throws IOException {
        // Surefire runs in the module folder: center-bundles/rest.
        Path doc = Path.of("..", "..", "docs", "error-codes.md");
        assertTrue(Files.isRegularFile(doc), "missing " + doc.toAbsolutePath());
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                String previous = documented.put(m.group(1), m.group(2) + " " + m.group(3));
                assertEquals(null, previous, "documented twice: " + m.group(1));
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (ErrorCode c : ErrorCode.values()) {
            declared.put(c.name(), c.layer().wireName() + " " + (c.httpStatus() >= 400 ? String.valueOf(c.httpStatus()) : "–"));
        }
        assertEquals(declared, documented, "docs/error-codes.md and dev.orrery.api.ErrorCode disagree");
    }
}
