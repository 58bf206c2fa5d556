package dev.orrery.center.security.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.util.List;
import java.util.regex.Pattern;

/** The shapes of account names, groups, task types and program names, checked before anything is stored. */
final class Names {
    static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final Pattern GROUP = Pattern.compile("[^\\p{Cntrl}]{1,255}");
    static final Pattern TASK_TYPE = Pattern.compile("[a-z0-9_-]{1,64}");
    static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9._/+@-]{1,255}");
    static final int MAX_LIST = 100;

    private Names() {
    }

    static void check(String what, List<String> values, Pattern shape) {
        if (values.size() > MAX_LIST) {
            throw invalid(what + " has " + values.size() + " entries; at most " + MAX_LIST + " are accepted", List.of());
        }
        for (String v : values) {
            check(what, v, shape);
        }
    }

    static void check(String what, String value, Pattern shape) {
        if (value == null || !shape.matcher(value).matches() || value.isBlank()) {
            throw invalid(what + " '" + value + "' is not valid (" + shape.pattern() + ")", value == null ? List.of() : List.of(value));
        }
    }

    static OrreryException invalid(String message, List<String> details) {
        return new OrreryException(ErrorCode.INVALID_REQUEST, message, details);
    }
}
