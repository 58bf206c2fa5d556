package dev.orrery.guard.internal;

/** Redirections: {@code > >> >| < <> >& <& &> &>> <<< << <<-}, with an optional fd number. */
final class Redirects {
    private static final String[] OPS = {"&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">"};

    private Redirects() {
    }

    /** @return whether a redirection starts at the scanner's position */
    static boolean ahead(Scanner s) {
        int i = s.pos;
        while (i < s.text.length() && Character.isDigit(s.text.charAt(i))) {
            i++;
        }
        if (i >= s.text.length()) {
            return false;
        }
        char c = s.text.charAt(i);
        char n = i + 1 < s.text.length() ? s.text.charAt(i + 1) : '\0';
        if ((c == '<' || c == '>') && n == '(') {
            return false;
        }
        return c == '<' || c == '>' || i == s.pos && c == '&' && n == '>';
    }

    /** @return the redirection at the scanner's position; here-documents are queued for their line's end */
    static Ast.Redir read(Scanner s) {
        while (Character.isDigit(s.peek())) {
            s.pos++;
        }
        String op = null;
        for (String r : OPS) {
            if (s.at(r)) {
                op = r;
                break;
            }
        }
        s.pos += op.length();
        s.skipBlanks();
        Ast.Word target = WordReader.read(s);
        if (target == null) {
            throw new ParseException("redirection " + op + " without a target");
        }
        Ast.Heredoc heredoc = null;
        if (op.startsWith("<<") && !"<<<".equals(op)) {
            StringBuilder delim = new StringBuilder();
            for (Ast.Part p : target.parts()) {
                delim.append(p instanceof Ast.Lit l ? l.text() : p instanceof Ast.Param pa ? pa.raw() : "");
            }
            heredoc = new Ast.Heredoc(delim.toString(), "<<-".equals(op));
            s.heredoc(heredoc);
        }
        return new Ast.Redir(op, target, heredoc);
    }
}
