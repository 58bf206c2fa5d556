package dev.orrery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void quotesAndEscapesLikeAJsonWriter() {
        assertEquals("\"echo \\\"a\\\\b\\\" \\u0009x\"", JsonText.quote("echo \"a\\b\" \tx"));
        assertEquals("\"\"", JsonText.quote(""));
        assertEquals("\"é ✓ \\u0000\"", JsonText.quote("é ✓ \u0000"));
    }
}
