package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a word the way the shell would as far as it is known: quotes removed, variables set
 * earlier on the line substituted, {@code $( )} of literal text (echo, printf, base64 -d...)
 * evaluated, field splitting, braces; the rest is marked unknown. Globs stay marked, unexpanded.
 */
final class Expander {
    private static final int MAX_FIELDS = 64;

    private final Ctx ctx;
    private final List<StringBuilder> fields = new ArrayList<>();
    private boolean encoded;
    private boolean quotedEmpty;

    private Expander(Ctx ctx) {
        this.ctx = ctx;
        fields.add(new StringBuilder());
    }

    /** @return the fields of all the words */
    static List<Field> fields(List<Ast.Word> words, Ctx ctx) {
        List<Field> out = new ArrayList<>();
        for (Ast.Word w : words) {
            out.addAll(fields(w, ctx));
        }
        return out;
    }

    /** @return the fields of one word (usually one; none for an empty unquoted expansion) */
    static List<Field> fields(Ast.Word w, Ctx ctx) {
        Expander e = new Expander(ctx);
        for (Ast.Part p : w.parts()) {
            e.part(p);
        }
        List<Field> out = new ArrayList<>();
        for (StringBuilder b : e.fields) {
            if (b.length() > 0 || e.quotedEmpty && e.fields.size() == 1) {
                for (String s : Braces.expand(b.toString(), MAX_FIELDS)) {
                    out.add(new Field(s, e.encoded));
                }
            }
        }
        return out;
    }

    private StringBuilder cur() {
        return fields.get(fields.size() - 1);
    }

    private void part(Ast.Part p) {
        if (p instanceof Ast.Lit l) {
            if (l.quoted()) {
                cur().append(l.text());
                quotedEmpty = true;
            } else {
                for (char c : l.text().toCharArray()) {
                    cur().append(Marks.active(c));
                }
            }
        } else if (p instanceof Ast.Tilde t) {
            cur().append(t.user().isEmpty() || "root".equals(t.user()) ? "/root" : "/home/" + t.user());
        } else if (p instanceof Ast.Param pa) {
            List<String> values = pa.name() == null ? null : ctx.var(pa.name());
            if (values == null) {
                cur().append(pa.nonEmpty() ? Marks.NON_EMPTY : Marks.UNKNOWN);
            } else {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        fields.add(new StringBuilder());
                    }
                    expansion(values.get(i), pa.quoted());
                }
            }
        } else if (p instanceof Ast.Subst s) {
            Content c = Content.of(s.script(), ctx);
            if (c.text() == null) {
                cur().append(Marks.UNKNOWN);
                encoded |= c.encoded();
            } else {
                expansion(c.text().replaceAll("\n+$", ""), s.quoted());
            }
        } else {
            cur().append(Marks.NON_EMPTY);
        }
    }

    /** A known expansion result: split into fields and globs active unless quoted. */
    private void expansion(String value, boolean quoted) {
        if (quoted) {
            cur().append(value);
            quotedEmpty = true;
            return;
        }
        boolean inField = cur().length() > 0;
        for (char c : value.toCharArray()) {
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inField && fields.size() < MAX_FIELDS) {
                    fields.add(new StringBuilder());
                }
                inField = false;
            } else {
                char m = Marks.active(c);
                cur().append(m == Marks.LBRACE || m == Marks.COMMA || m == Marks.RBRACE ? c : m);
                inField = true;
            }
        }
    }
}
