package dev.orrery.guard.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Matches one marked path component against a literal name. */
final class Glob {
    private Glob() {
    }

    static boolean matches(String marked, String name) {
        if (!Marks.glob(marked)) {
            return marked.replace(String.valueOf(Marks.NON_EMPTY), "\u0001").equals(name);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == Marks.STAR) {
                re.append("[^/]*");
            } else if (c == Marks.QMARK) {
                re.append("[^/]");
            } else if (c == Marks.BRACKET) {
                int close = marked.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                    continue;
                }
                String cls = marked.substring(i + 1, close);
                if (cls.startsWith("!")) {
                    cls = "^" + cls.substring(1);
                }
                re.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else if (c == Marks.NON_EMPTY) {
                re.append("[^/]+");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.matches(re.toString(), name);
        } catch (PatternSyntaxException e) {
            return true;
        }
    }
}
