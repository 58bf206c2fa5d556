package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;

/** Position in the text being parsed, with the map of each character back to the original line. */
final class Scanner {
    /** Deepest nesting of groups, substitutions and quoted shells followed before refusing. */
    static final int MAX_DEPTH = 24;

    final String text;
    private final int[] map;
    int pos;
    private int depth;
    private final List<Ast.Heredoc> pending = new ArrayList<>();

    /**
     * @param text the text to parse
     * @param map original offset of each character of text, plus one entry for its end
     * @param depth the nesting depth this text starts at
     */
    Scanner(String text, int[] map, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ParseException("nested too deeply");
        }
        this.text = text;
        this.map = map;
        this.depth = depth;
    }

    static Scanner top(String line) {
        int[] map = new int[line.length() + 1];
        for (int i = 0; i < map.length; i++) {
            map[i] = i;
        }
        return new Scanner(line, map, 0);
    }

    int depth() {
        return depth;
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ParseException("nested too deeply");
        }
    }

    void leave() {
        depth--;
    }

    /** @return the original offset of text index i */
    int orig(int i) {
        return map[Math.min(i, map.length - 1)];
    }

    /** @return the original end offset of a span ending (exclusive) at text index i */
    int origEnd(int i) {
        return i == 0 ? map[0] : map[Math.min(i - 1, map.length - 1)] + 1;
    }

    boolean eof() {
        return pos >= text.length();
    }

    char peek() {
        return peek(0);
    }

    char peek(int k) {
        int i = pos + k;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    boolean at(String s) {
        return text.startsWith(s, pos);
    }

    static boolean delimiter(char c) {
        return c == '\0' || c == ' ' || c == '\t' || c == '\n' || ";&|()<>".indexOf(c) >= 0;
    }

    /** @return whether the reserved word w starts here and ends at a delimiter */
    boolean atReserved(String w) {
        return at(w) && (delimiter(peek(w.length())) || "{".equals(w) && peek(1) == '\0');
    }

    /** Skips blanks, line continuations and comments (not newlines). */
    void skipBlanks() {
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peek(1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (!eof() && peek() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Skips blanks and newlines, reading pending here-documents at each newline. */
    void skipBlankLines() {
        skipBlanks();
        while (peek() == '\n') {
            newline();
            skipBlanks();
        }
    }

    /** Consumes a newline and the bodies of the here-documents opened on its line. */
    void newline() {
        pos++;
        for (Ast.Heredoc h : pending) {
            readHeredoc(h);
        }
        pending.clear();
    }

    void heredoc(Ast.Heredoc h) {
        pending.add(h);
    }

    private void readHeredoc(Ast.Heredoc h) {
        StringBuilder body = new StringBuilder();
        List<Integer> positions = new ArrayList<>();
        while (!eof()) {
            int lineEnd = text.indexOf('\n', pos);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            int start = pos;
            if (h.stripTabs) {
                while (start < end && text.charAt(start) == '\t') {
                    start++;
                }
            }
            String line = text.substring(start, end);
            pos = lineEnd < 0 ? end : end + 1;
            if (line.equals(h.delimiter)) {
                break;
            }
            for (int i = start; i < end; i++) {
                body.append(text.charAt(i));
                positions.add(orig(i));
            }
            body.append('\n');
            positions.add(orig(end));
        }
        h.body = body.toString();
        h.map = new int[positions.size() + 1];
        for (int i = 0; i < positions.size(); i++) {
            h.map[i] = positions.get(i);
        }
        h.map[positions.size()] = positions.isEmpty() ? orig(pos) : positions.get(positions.size() - 1) + 1;
    }
}
