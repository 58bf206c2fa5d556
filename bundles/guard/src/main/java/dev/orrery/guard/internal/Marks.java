package dev.orrery.guard.internal;

/**
 * Marks in expanded argument text: an unknown expansion (possibly empty or known non-empty) and the
 * glob and brace characters that were unquoted (active). Quoted {@code *} stays a plain {@code *}.
 */
final class Marks {
    static final char UNKNOWN = '\u0000';
    static final char NON_EMPTY = '\u0001';
    static final char STAR = '\uE000';
    static final char QMARK = '\uE001';
    static final char BRACKET = '\uE002';
    static final char LBRACE = '\uE003';
    static final char COMMA = '\uE004';
    static final char RBRACE = '\uE005';

    private Marks() {
    }

    /** @return the unquoted character c, marked when it is active */
    static char active(char c) {
        return switch (c) {
            case '*' -> STAR;
            case '?' -> QMARK;
            case '[' -> BRACKET;
            case '{' -> LBRACE;
            case ',' -> COMMA;
            case '}' -> RBRACE;
            default -> c;
        };
    }

    /** @return the text as a human reads it (unknown expansions as {@code …}) */
    static String plain(String marked) {
        StringBuilder b = new StringBuilder(marked.length());
        for (char c : marked.toCharArray()) {
            switch (c) {
                case UNKNOWN, NON_EMPTY -> b.append('…');
                case STAR -> b.append('*');
                case QMARK -> b.append('?');
                case BRACKET -> b.append('[');
                case LBRACE -> b.append('{');
                case COMMA -> b.append(',');
                case RBRACE -> b.append('}');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** @return whether the text holds an unknown expansion */
    static boolean unknown(String marked) {
        return marked.indexOf(UNKNOWN) >= 0 || marked.indexOf(NON_EMPTY) >= 0;
    }

    /** @return whether the text holds an active glob character */
    static boolean glob(String marked) {
        return marked.indexOf(STAR) >= 0 || marked.indexOf(QMARK) >= 0 || marked.indexOf(BRACKET) >= 0;
    }

    /** @return the literal value when fully known, with brace marks made plain again; else null */
    static String known(String marked) {
        return unknown(marked) ? null : plain(marked);
    }
}
