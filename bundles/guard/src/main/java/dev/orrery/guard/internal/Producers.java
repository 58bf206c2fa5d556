package dev.orrery.guard.internal;

import java.util.List;

/** The output of {@code echo} and {@code printf} with literal arguments. */
final class Producers {
    private Producers() {
    }

    static Content echo(List<Field> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).plain().matches("-[neE]+")) {
            String f = args.get(i).plain();
            newline &= !f.contains("n");
            escapes = f.contains("e") || escapes && !f.contains("E");
            i++;
        }
        String text = Content.join(args.subList(i, args.size()));
        if (text == null) {
            boolean encoded = escapes || args.stream().anyMatch(Field::encoded);
            return encoded ? Content.ENCODED : Content.PLAIN;
        }
        return new Content((escapes ? AnsiC.decode(text) : text) + (newline ? "\n" : ""), false);
    }

    /** Supports %s %b %c %d %% and backslash escapes in the format; else unknown (encoded). */
    static Content printf(List<Field> args) {
        int i = 0;
        if (i < args.size() && "--".equals(args.get(i).plain())) {
            i++;
        }
        if (i >= args.size() || args.get(i).known() == null) {
            return Content.ENCODED;
        }
        String fmt = args.get(i).known();
        List<Field> rest = args.subList(i + 1, args.size());
        StringBuilder out = new StringBuilder();
        int next = 0;
        do {
            for (int k = 0; k < fmt.length(); k++) {
                char c = fmt.charAt(k);
                if (c != '%' || k + 1 >= fmt.length()) {
                    out.append(c);
                    continue;
                }
                char spec = fmt.charAt(++k);
                if (spec == '%') {
                    out.append('%');
                    continue;
                }
                String arg = next < rest.size() ? rest.get(next++).known() : "";
                if (arg == null || "sbcd".indexOf(spec) < 0) {
                    return Content.ENCODED;
                }
                out.append(spec == 'b' ? AnsiC.decode(arg) : spec == 'c' ? arg.substring(0, Math.min(1, arg.length())) : arg);
            }
        } while (next < rest.size() && fmt.contains("%") && out.length() < 65536);
        return new Content(AnsiC.decode(out.toString()), false);
    }
}
