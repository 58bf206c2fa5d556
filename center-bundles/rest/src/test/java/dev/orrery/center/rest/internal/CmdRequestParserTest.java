package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.proxy.TaskService;
import dev.orrery.center.proxy.TaskSubmission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CmdRequestParserTest {

    private static TaskSubmission parse(String json) {
        return CmdRequestParser.parse(json.getBytes(StandardCharsets.UTF_8), "k1");
    }

    private static OrreryException fails(ErrorCode code, String json) {
        OrreryException e = assertThrows(OrreryException.class, () -> parse(json));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void parsesAFullRequest() {
        TaskSubmission s = parse("{\"targets\":{\"hosts\":[\"h1\",\"10.0.0.2\"],\"groups\":[\"demo\"]},\"command\":\"uname -a\","
                + "\"runAs\":\"nobody\",\"cwd\":\"/tmp\",\"env\":{\"FOO\":\"bar\"},\"timeoutSeconds\":30}");
        assertEquals(TaskTypes.CMD, s.type());
        assertEquals(List.of("h1", "10.0.0.2"), s.targets().hosts());
        assertEquals(List.of("demo"), s.targets().groups());
        assertEquals(Map.of("command", "uname -a", "runAs", "nobody", "cwd", "/tmp", "env.FOO", "bar"), s.params());
        assertEquals(30, s.timeoutSeconds());
        assertEquals("k1", s.createdBy());
    }

    @Test
    void appliesDefaults() {
        TaskSubmission s = parse("{\"targets\":{\"groups\":[\"demo\"]},\"command\":\"id\"}");
        assertEquals(CmdRequestParser.DEFAULT_TIMEOUT_SECONDS, s.timeoutSeconds());
        assertEquals(Map.of("command", "id"), s.params());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"command\":}", "not json", "{\"command\":\"id\"} trailing",
        "{\"command\":\"a\",\"command\":\"b\"}", "{'command':'id'}"})
    void malformedJsonIsMalformed(String json) {
        fails(ErrorCode.MALFORMED_JSON, json);
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] bad = {'{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        OrreryException e = assertThrows(OrreryException.class, () -> CmdRequestParser.parse(bad, "k1"));
        assertEquals(ErrorCode.MALFORMED_JSON, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "\"text\"",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"timeoutSeconds\":\"abc\"}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"timeoutSeconds\":1.5}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"timeoutSeconds\":0}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"timeoutSeconds\":99999999999}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":[\"uname\",\"-a\"]}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":42}",
        "{\"targets\":{\"hosts\":[\"h\"]}}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":null}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"  \"}",
        "{\"targets\":{\"hosts\":\"h\"},\"command\":\"id\"}",
        "{\"targets\":{\"hosts\":[1]},\"command\":\"id\"}",
        "{\"targets\":{\"hosts\":[\"\"]},\"command\":\"id\"}",
        "{\"targets\":[\"h\"],\"command\":\"id\"}",
        "{\"targets\":{\"hosts\":[\"h\"],\"tags\":[]},\"command\":\"id\"}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"runAs\":[\"root\"]}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"env\":[\"A=b\"]}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"env\":{\"A\":1}}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"env\":{\"A-B\":\"x\"}}",
        "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"timeout\":5}"})
    void wrongTypesAndValuesAreInvalid(String json) {
        fails(ErrorCode.INVALID_REQUEST, json);
    }

    @Test
    void unknownFieldsAreAllNamed() {
        OrreryException e = fails(ErrorCode.INVALID_REQUEST, "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"id\",\"x\":1,\"y\":2}");
        assertEquals(List.of("x", "y"), e.details());
    }

    @Test
    void missingOrEmptyTargetsIsNoTarget() {
        fails(ErrorCode.NO_TARGET, "{\"command\":\"id\"}");
        fails(ErrorCode.NO_TARGET, "{\"targets\":{},\"command\":\"id\"}");
        fails(ErrorCode.NO_TARGET, "{\"targets\":{\"hosts\":[],\"groups\":[]},\"command\":\"id\"}");
    }

    @Test
    void aCommandOver64KiBIsTooLarge() {
        String ok = "x".repeat(TaskService.MAX_COMMAND_BYTES);
        assertEquals(ok, parse("{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"" + ok + "\"}").params().get("command"));
        OrreryException e = fails(ErrorCode.COMMAND_TOO_LARGE, "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"" + ok + "y\"}");
        assertTrue(e.getMessage().contains("65537"), e.getMessage());
        // Counted in UTF-8 bytes, not characters.
        fails(ErrorCode.COMMAND_TOO_LARGE, "{\"targets\":{\"hosts\":[\"h\"]},\"command\":\"" + "é".repeat(40_000) + "\"}");
    }
}
