package dev.orrery.guard.internal;

/** Backslash escapes of {@code $'..'}, {@code echo -e} and {@code printf}. */
final class AnsiC {
    /** Receives one decoded character and the original offset of its escape. */
    interface Sink {
        void put(char c, int origPos, boolean quoted);
    }

    private AnsiC() {
    }

    /** Decodes {@code $'..'} from just after the opening quote through the closing one. */
    static void decode(Scanner s, Sink out) {
        while (s.peek() != '\'') {
            if (s.eof()) {
                throw new ParseException("unbalanced $' quote");
            }
            int at = s.pos;
            int[] next = new int[1];
            String decoded = one(s.text, at, next, true);
            for (char c : decoded.toCharArray()) {
                out.put(c, s.orig(at), true);
            }
            s.pos = next[0];
        }
        s.pos++;
    }

    /** @return the text with its backslash escapes decoded ({@code echo -e}, {@code printf %b}) */
    static String decode(String text) {
        StringBuilder b = new StringBuilder();
        int[] next = new int[1];
        int i = 0;
        while (i < text.length()) {
            String one = one(text, i, next, false);
            if (one == null) {
                break;
            }
            b.append(one);
            i = next[0];
        }
        return b.toString();
    }

    /** Decodes the character or escape at i; next[0] receives the index after it; null for {@code \c}. */
    private static String one(String t, int i, int[] next, boolean dollarQuote) {
        char c = t.charAt(i);
        if (c != '\\' || i + 1 >= t.length()) {
            next[0] = i + 1;
            return String.valueOf(c);
        }
        char e = t.charAt(i + 1);
        next[0] = i + 2;
        switch (e) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'a': return "\u0007";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'v': return "\u000b";
            case 'e': case 'E': return "\u001b";
            case '\\': return "\\";
            case '\'': return "'";
            case '"': return "\"";
            case '?': return "?";
            case 'c':
                if (dollarQuote && i + 2 < t.length()) {
                    next[0] = i + 3;
                    return String.valueOf((char) (t.charAt(i + 2) & 0x1f));
                }
                return dollarQuote ? "" : null;
            case 'x': return number(t, i + 2, 2, 16, next, "\\x");
            case 'u': return number(t, i + 2, 4, 16, next, "\\u");
            case 'U': return number(t, i + 2, 8, 16, next, "\\U");
            default:
                if (e >= '0' && e <= '7') {
                    int from = e == '0' && !dollarQuote ? i + 2 : i + 1;
                    return number(t, from, 3, 8, next, "\\");
                }
                return "\\" + e;
        }
    }

    private static String number(String t, int from, int max, int radix, int[] next, String prefix) {
        int end = from;
        while (end < t.length() && end - from < max && Character.digit(t.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == from) {
            next[0] = from;
            return prefix;
        }
        next[0] = end;
        int cp = Integer.parseInt(t.substring(from, end), radix);
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
    }
}
