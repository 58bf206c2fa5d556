package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON settings of the API. */
final class Json {
    /**
     * Strict reading: duplicate keys and trailing content are errors, and nothing is coerced
     * (the parsers check node types themselves). Writing: plain, nulls kept.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int MAX_DESCRIPTION = 200;

    private Json() {
    }

    /**
     * @param e a Jackson failure
     * @return where and what, without internals, at most a couple of hundred characters
     */
    static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().replaceAll("\\s+", " ");
        if (what.length() > MAX_DESCRIPTION) {
            what = what.substring(0, MAX_DESCRIPTION) + "...";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
    }
}
