package dev.orrery.guard.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What a pipeline writes to its standard output, when it can be known from literal text: echo,
 * printf, here-documents and here-strings, through pass-through filters and decoders (base64 -d,
 * xxd -r -p, openssl base64 -d, rev).
 *
 * @param text the output, or null when unknown
 * @param encoded when unknown: whether a decoder or a transforming filter was involved
 */
record Content(String text, boolean encoded) {
    static final Content PLAIN = new Content(null, false);
    static final Content ENCODED = new Content(null, true);
    private static final int MAX = 1 << 16;
    private static final Set<String> PASS = Set.of("cat", "tee", "head", "tail", "sort", "uniq", "grep", "tac",
            "more", "less", "egrep", "fgrep");
    private static final Set<String> DECODERS = Set.of("base64", "base32", "basenc", "xxd", "openssl", "rev", "gzip",
            "gunzip", "zcat", "bzip2", "bunzip2", "bzcat", "xz", "unxz", "xzcat", "zstd", "unzstd", "uudecode",
            "gpg", "od", "tr", "sed", "awk", "perl", "python", "python3", "ruby", "iconv", "recode", "hexdump");

    /** @return the output of a substitution's script */
    static Content of(Ast.Script script, Ctx ctx) {
        StringBuilder all = new StringBuilder();
        boolean encoded = false;
        for (Ast.Pipeline p : script.pipelines()) {
            Content c = stages(p.commands(), p.commands().size(), ctx);
            if (c.text == null) {
                encoded |= c.encoded;
                return encoded ? ENCODED : PLAIN;
            }
            all.append(c.text);
        }
        return new Content(all.toString(), false);
    }

    /** @return the output of the first n commands of a pipeline */
    static Content stages(List<Ast.Command> commands, int n, Ctx ctx) {
        Content in = null;
        for (int i = 0; i < n; i++) {
            in = stage(commands.get(i), in, i == 0, ctx);
        }
        return in == null ? PLAIN : in;
    }

    /** @return the input of a command from its own here-document, here-string or {@code <} redirection, or null */
    static Content input(List<Ast.Redir> redirs, Ctx ctx) {
        Content in = null;
        for (Ast.Redir r : redirs) {
            if (r.heredoc() != null) {
                in = new Content(r.heredoc().body, false);
            } else if ("<<<".equals(r.op())) {
                String v = join(Expander.fields(r.target(), ctx));
                in = v == null ? PLAIN : new Content(v + "\n", false);
            } else if ("<".equals(r.op())) {
                in = PLAIN;
            }
        }
        return in;
    }

    private static Content stage(Ast.Command c, Content piped, boolean first, Ctx ctx) {
        if (!(c instanceof Ast.Simple s) || s.kind() != Ast.Kind.NORMAL || s.words().isEmpty()) {
            return c instanceof Ast.Group g ? of(g.body(), ctx) : PLAIN;
        }
        Content own = input(s.redirs(), ctx);
        Content in = own != null ? own : piped;
        List<Field> argv = Expander.fields(s.words(), ctx);
        if (argv.isEmpty() || argv.get(0).known() == null) {
            return first ? PLAIN : ENCODED;
        }
        String prog = Wrappers.base(argv.get(0).known());
        List<Field> args = argv.subList(1, argv.size());
        if ("echo".equals(prog)) {
            return Producers.echo(args);
        }
        if ("printf".equals(prog)) {
            return Producers.printf(args);
        }
        if (PASS.contains(prog)) {
            boolean files = "cat".equals(prog) || "tac".equals(prog)
                    ? args.stream().anyMatch(a -> !a.plain().startsWith("-") || "-".equals(a.plain())) : false;
            return files || in == null ? PLAIN : in;
        }
        if (DECODERS.contains(prog)) {
            if (in == null || in.text == null) {
                return ENCODED;
            }
            return decode(prog, args, in.text);
        }
        return first ? PLAIN : ENCODED;
    }

    private static Content decode(String prog, List<Field> args, String text) {
        String flags = String.join(" ", args.stream().map(Field::plain).toList());
        try {
            byte[] out;
            if ("base64".equals(prog) && flags.matches(".*(^| )(-[a-zA-Z]*[dD][a-zA-Z]*|--decode)( .*|$)")
                    || "basenc".equals(prog) && flags.contains("--base64") && flags.matches(".*(-d|--decode).*")
                    || "openssl".equals(prog) && flags.matches("(base64|enc)( .*)? -d( .*)?|enc( .*)? -d( .*)? -(a|A|base64)( .*)?|enc( .*)? -(a|A|base64)( .*)? -d( .*)?")) {
                out = Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
            } else if ("xxd".equals(prog) && flags.matches(".*-r.*") && flags.matches(".*-(r?p|ps|plain).*")) {
                String hex = text.replaceAll("\\s", "");
                out = HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex.substring(0, hex.length() - 1));
            } else if ("rev".equals(prog) && args.isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (String line : text.split("\n", -1)) {
                    b.append(new StringBuilder(line).reverse()).append('\n');
                }
                return new Content(b.substring(0, Math.max(0, b.length() - 1)), false);
            } else {
                return ENCODED;
            }
            return out.length > MAX ? ENCODED : new Content(new String(out, StandardCharsets.UTF_8), false);
        } catch (IllegalArgumentException e) {
            return ENCODED;
        }
    }

    /** @return the known fields joined by spaces, or null */
    static String join(List<Field> fields) {
        StringBuilder b = new StringBuilder();
        for (Field f : fields) {
            if (f.known() == null) {
                return null;
            }
            b.append(b.length() > 0 ? " " : "").append(f.known());
        }
        return b.toString();
    }
}
