package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The JSON settings of the API. */
final class Json {
    /** Deepest nesting of arrays and objects accepted in a body (Orrery bodies need 4). */
    static final int MAX_DEPTH = 32;
    /** Longest number literal accepted, characters. */
    static final int MAX_NUMBER_CHARS = 100;
    /** Longest field name accepted, characters. */
    static final int MAX_NAME_CHARS = 256;
    /** Longest string value accepted, characters (the body limit usually binds first). */
    static final int MAX_STRING_CHARS = 20_000_000;

    /**
     * Strict reading: duplicate keys and trailing content are errors, nothing is coerced (the
     * parsers check node types themselves), and the stream limits above hold while parsing (a
     * deeply nested body is refused before it is built). Writing: plain, nulls kept.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_CHARS).maxNameLength(MAX_NAME_CHARS)
                            .maxStringLength(MAX_STRING_CHARS).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int MAX_DESCRIPTION = 200;
    /** Wording that names Jackson's or Java's classes or features: never shown to a client. */
    private static final Pattern INTERNALS = Pattern.compile("[a-z]\\.[a-z]+\\.[A-Za-z]|Feature|Exception|Constraints|JsonNode");

    private Json() {
    }

    /**
     * @param e a Jackson failure while reading a body
     * @return {@code INVALID_REQUEST} naming the limit for a body over a stream limit (depth,
     *     number or name length), else {@code MALFORMED_JSON} with where and what
     */
    static OrreryException refusal(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new OrreryException(ErrorCode.INVALID_REQUEST, "the body exceeds a JSON limit: " + limitOf(e));
        }
        return new OrreryException(ErrorCode.MALFORMED_JSON, "the body is not well-formed JSON: " + describe(e));
    }

    /** Jackson's own text names its classes: say which limit in our words instead. */
    private static String limitOf(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("depth")) {
            return "nesting deeper than " + MAX_DEPTH + " levels";
        }
        if (m.contains("number")) {
            return "a number longer than " + MAX_NUMBER_CHARS + " characters";
        }
        if (m.contains("string")) {
            return "a string longer than " + MAX_STRING_CHARS + " characters";
        }
        if (m.contains("name")) {
            return "a field name longer than " + MAX_NAME_CHARS + " characters";
        }
        return "nesting at most " + MAX_DEPTH + " levels, numbers at most " + MAX_NUMBER_CHARS + " and names at most "
                + MAX_NAME_CHARS + " characters";
    }

    /**
     * @param e a Jackson failure
     * @return where and what, without internals, at most a couple of hundred characters
     */
    static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().replaceAll("\\s+", " ")
                // Jackson names the (redacted) source and its own feature classes: drop that part
                .replaceAll("\\s*\\((?:for [^(\\[]*)?(?:at )?\\[Source:.*$", "").replaceAll("\\s*(?:at )?\\[Source:.*$", "")
                .replace('`', '\'');
        if (what.startsWith("Trailing token")) {
            what = "more content after the JSON value";
        } else if (INTERNALS.matcher(what).find()) {
            what = "unreadable";
        }
        if (what.length() > MAX_DESCRIPTION) {
            what = what.substring(0, MAX_DESCRIPTION) + "...";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
    }
}
