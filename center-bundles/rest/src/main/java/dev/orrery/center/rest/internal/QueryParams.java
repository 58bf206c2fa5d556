package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses query parameters by hand, so that a bad value is a 400 {@code INVALID_REQUEST} naming
 * the parameter (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
final class QueryParams {
    private QueryParams() {
    }

    static int intParam(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OrreryException(ErrorCode.INVALID_REQUEST, name + " must be a whole number between " + min + " and " + max);
    }

    /**
     * Looks up an enum constant by name, ignoring case and underscores ({@code timedOut},
     * {@code TIMED_OUT} and {@code timed_out} are the same).
     */
    static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = normalise(value);
        for (E constant : type.getEnumConstants()) {
            if (normalise(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        throw new OrreryException(ErrorCode.INVALID_REQUEST, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    static String textParam(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String normalise(String s) {
        return s.trim().replace("_", "").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
