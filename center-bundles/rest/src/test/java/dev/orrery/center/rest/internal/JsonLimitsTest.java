package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON and target limits at their edges, and what the refusals say. */
class JsonLimitsTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String nested(int depth) {
        // the body object is level 1; each array adds one
        return "{\"x\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @Test
    void nestingUpToTheLimitIsReadDeeperIsRefusedNamingTheLimit() {
        CmdRequestParser.readObject(bytes(nested(Json.MAX_DEPTH)));
        OrreryException e = assertThrows(OrreryException.class, () -> CmdRequestParser.readObject(bytes(nested(Json.MAX_DEPTH + 1))));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("the body exceeds a JSON limit: nesting deeper than 32 levels", e.getMessage());
    }

    @Test
    void longNumbersAndNamesAreRefused() {
        CmdRequestParser.readObject(bytes("{\"n\":" + "9".repeat(Json.MAX_NUMBER_CHARS) + "}"));
        OrreryException number = assertThrows(OrreryException.class,
                () -> CmdRequestParser.readObject(bytes("{\"n\":" + "9".repeat(Json.MAX_NUMBER_CHARS + 1) + "}")));
        assertTrue(number.getMessage().contains("number longer than 100"), number.getMessage());
        OrreryException name = assertThrows(OrreryException.class,
                () -> CmdRequestParser.readObject(bytes("{\"" + "n".repeat(Json.MAX_NAME_CHARS + 1) + "\":1}")));
        assertTrue(name.getMessage().contains("name longer than 256"), name.getMessage());
    }

    @Test
    void malformedJsonIsDescribedWithoutJacksonInternals() {
        for (String body : new String[] {"{\"a\":[}", "{} \"x\"", "{\"a\":1,\"a\":2}", "{\"a\":", "[1,]"}) {
            OrreryException e = assertThrows(OrreryException.class, () -> CmdRequestParser.readObject(bytes(body)));
            assertEquals(ErrorCode.MALFORMED_JSON, e.code(), body);
            for (String leak : new String[] {"Source", "REDACTED", "Feature", "jackson", "JsonNode", "`"}) {
                assertFalse(e.getMessage().contains(leak), body + " -> " + e.getMessage());
            }
        }
    }

    @Test
    void targetsUpToMaxTargetsAreAcceptedMoreAre413() {
        String three = "{\"targets\":{\"hosts\":[\"a\",\"b\"],\"groups\":[\"g\"]},\"command\":\"id\"}";
        assertEquals(2, CmdRequestParser.parse(bytes(three), "k", 3).targets().hosts().size());
        OrreryException e = assertThrows(OrreryException.class, () -> CmdRequestParser.parse(bytes(three), "k", 2));
        assertEquals(ErrorCode.TOO_MANY_TARGETS, e.code());
        assertEquals(413, e.code().httpStatus());
        assertTrue(e.getMessage().contains("names 3 targets") && e.getMessage().contains("at most 2"), e.getMessage());
        OrreryException longName = assertThrows(OrreryException.class, () -> CmdRequestParser.parse(
                bytes("{\"targets\":{\"hosts\":[\"" + "h".repeat(Fields.MAX_TARGET_CHARS + 1) + "\"]},\"command\":\"id\"}"), "k", 3));
        assertEquals(ErrorCode.INVALID_REQUEST, longName.code());
    }

    @Test
    void maxTargetsIsValidated() {
        assertEquals(10_000, ApiLimits.DEFAULTS.maxTargets());
        assertThrows(IllegalArgumentException.class, () -> new ApiLimits(1 << 20, 300, 100_000, 0));
        assertThrows(IllegalArgumentException.class, () -> new ApiLimits(1 << 20, 300, 100_000, 1_000_001));
    }

    @Test
    void aRequestTargetMustBeAUri() {
        assertEquals("/api/v1/hosts?q=a%20b", RawTarget.valid("/api/v1/hosts?q=a%20b"));
        for (String bad : new String[] {"/api/v1/ho\\sts", "/api/v1/hosts?q=%zz", "/api/v1/{x}", "/api/v1/a b"}) {
            OrreryException e = assertThrows(OrreryException.class, () -> RawTarget.valid(bad), bad);
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        }
    }
}
