package dev.orrery.agent.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code store} task asks for: the script (the body, checked against the {@code sha256}
 * parameter), the {@code interpreter} (absolute path) and its {@code args} (a JSON array of strings).
 *
 * @param script the script bytes
 * @param interpreter absolute path of an executable interpreter
 * @param args the script's arguments
 * @param shell whether the interpreter is a shell (the guard vets the script)
 */
record StoreTask(byte[] script, String interpreter, List<String> args, boolean shell) {
    private static final ObjectMapper JSON = new ObjectMapper();

    StoreTask {
        args = List.copyOf(args);
    }

    /**
     * @param req the task
     * @param s the settings
     * @return the checked task
     * @throws TaskRefused {@code BAD_TASK} (empty or too large script, no digest, malformed args or
     *     interpreter), {@code DIGEST_MISMATCH}, {@code SPAWN_FAILED} (interpreter not executable)
     */
    static StoreTask parse(TaskRequest req, StoreSettings s) throws TaskRefused {
        byte[] body = req.body();
        if (body.length == 0) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "the script is empty");
        }
        if (body.length > s.maxScriptBytes()) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "the script has " + body.length + " bytes, more than this agent's maxScriptBytes "
                    + s.maxScriptBytes());
        }
        String expected = req.param("sha256", "").trim().toLowerCase(Locale.ROOT);
        if (expected.isEmpty()) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'sha256' (the script's digest) is required");
        }
        String actual = sha256(body);
        if (!actual.equals(expected)) {
            throw new TaskRefused(ErrorCode.DIGEST_MISMATCH, "the script's SHA-256 is " + actual + ", the task says " + expected);
        }
        String interpreter = req.param("interpreter", s.defaultInterpreter()).trim();
        Path ip = Path.of(interpreter);
        if (!ip.isAbsolute() || interpreter.indexOf('\0') >= 0) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "interpreter '" + interpreter + "' must be an absolute path");
        }
        if (!Files.isRegularFile(ip) || !Files.isExecutable(ip)) {
            throw new TaskRefused(ErrorCode.SPAWN_FAILED, "interpreter '" + interpreter + "' is not an executable on this host");
        }
        return new StoreTask(body, interpreter, args(req.params().get("args")), s.isShell(interpreter));
    }

    /**
     * @param data bytes
     * @return their SHA-256 as lowercase hex
     */
    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static List<String> args(String json) throws TaskRefused {
        List<String> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isArray()) {
                throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'args' must be a JSON array of strings");
            }
            for (JsonNode a : n) {
                if (!a.isTextual() || a.asText().indexOf('\0') >= 0) {
                    throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'args' must be a JSON array of strings");
                }
                out.add(a.asText());
            }
            return out;
        } catch (IOException e) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'args' is not valid JSON");
        }
    }

    /** @return the script as text, for the guard */
    String text() {
        return new String(script, StandardCharsets.UTF_8);
    }
}
