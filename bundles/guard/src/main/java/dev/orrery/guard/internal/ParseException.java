package dev.orrery.guard.internal;

/** The command line cannot be parsed; the guard refuses it (rule {@code unparseable}). */
public final class ParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
        super(message);
    }
}
