package dev.orrery.guard.internal;

import java.util.List;

/** The text of a word as a shell would see it again ({@code sh -c}, {@code eval}), with original offsets. */
final class Text {
    private Text() {
    }

    /**
     * Appends the word's value: literal parts decoded, expansions as written (so that a re-parse sees
     * them as expansions again).
     */
    static void append(Ast.Word w, StringBuilder text, List<Integer> map) {
        int cursor = 0;
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.Lit l) {
                text.append(l.text());
                for (int pos : l.pos()) {
                    map.add(pos);
                    cursor = Math.max(cursor, pos - w.start() + 1);
                }
            } else {
                // an expansion is written as is in the word: find it there for its offsets
                String raw = raw(p);
                int at = w.raw().indexOf(raw, Math.min(cursor, w.raw().length()));
                at = at < 0 ? Math.min(cursor, Math.max(0, w.raw().length() - raw.length())) : at;
                for (int i = 0; i < raw.length(); i++) {
                    text.append(raw.charAt(i));
                    map.add(Math.min(w.start() + at + i, Math.max(w.end() - 1, w.start())));
                }
                cursor = at + raw.length();
            }
        }
    }

    static String raw(Ast.Part p) {
        if (p instanceof Ast.Param pa) {
            return pa.raw();
        }
        if (p instanceof Ast.Subst s) {
            return s.raw();
        }
        if (p instanceof Ast.Arith a) {
            return a.raw();
        }
        if (p instanceof Ast.Tilde t) {
            return "~" + t.user();
        }
        return ((Ast.Lit) p).text();
    }
}
