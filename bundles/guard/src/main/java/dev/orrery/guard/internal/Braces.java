package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;

/** Brace expansion of unquoted {@code {a,b}} (marked), bounded. */
final class Braces {
    private Braces() {
    }

    /** @return the expansions; braces that do not form a list become plain characters */
    static List<String> expand(String marked, int max) {
        List<String> out = new ArrayList<>();
        expand(marked, max, out);
        return out;
    }

    private static void expand(String s, int max, List<String> out) {
        int open = s.indexOf(Marks.LBRACE);
        while (open >= 0) {
            int level = 0;
            List<Integer> commas = new ArrayList<>();
            int close = -1;
            for (int i = open; i < s.length() && close < 0; i++) {
                char c = s.charAt(i);
                if (c == Marks.LBRACE) {
                    level++;
                } else if (c == Marks.RBRACE && --level == 0) {
                    close = i;
                } else if (c == Marks.COMMA && level == 1) {
                    commas.add(i);
                }
            }
            if (close > 0 && !commas.isEmpty()) {
                String pre = s.substring(0, open);
                String post = s.substring(close + 1);
                int from = open + 1;
                commas.add(close);
                for (int comma : commas) {
                    if (out.size() >= max) {
                        return;
                    }
                    expand(pre + s.substring(from, comma) + post, max, out);
                    from = comma + 1;
                }
                return;
            }
            open = s.indexOf(Marks.LBRACE, open + 1);
        }
        if (out.size() < max) {
            out.add(s.replace(Marks.LBRACE, '{').replace(Marks.COMMA, ',').replace(Marks.RBRACE, '}'));
        }
    }
}
