package dev.orrery.guard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell commands inside one-liners of scripting languages ({@code python -c}, {@code perl -e},
 * {@code ruby -e}, {@code node -e}, {@code php -r}): the string literals given to
 * {@code os.system}, {@code subprocess.*}, {@code system}, {@code exec}, {@code popen},
 * {@code spawn}, backticks and {@code qx}, so the guard can check them as shell text. A list of
 * literals ({@code subprocess.run(["rm", "-rf", "/"])}) is joined by spaces.
 */
final class Interpreters {
    static final Set<String> NAMES = Set.of("python", "python2", "python3", "perl", "ruby", "node", "nodejs",
            "php");
    private static final String STR = "(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)')";
    private static final Pattern CALL = Pattern.compile("(?:system|popen|exec|execSync|spawn|spawnSync|call|run|"
            + "check_call|check_output|getoutput|getstatusoutput|shell_exec|passthru|proc_open|Popen|IO\\.popen)"
            + "\\s*\\(?\\s*(\\[[^\\]]*]|" + STR + ")");
    private static final Pattern LITERAL = Pattern.compile(STR);
    private static final Pattern BACKTICK = Pattern.compile("`([^`]*)`|qx\\{([^}]*)}|qx\\(([^)]*)\\)");

    private Interpreters() {
    }

    /** @return the shell texts found in the code arguments of an interpreter */
    static List<String> shellTexts(Cmd c) {
        List<String> out = new ArrayList<>();
        if (!NAMES.contains(c.prog().replaceAll("[0-9.]+$", "")) && !NAMES.contains(c.prog())) {
            return out;
        }
        for (Field f : c.args()) {
            String code = f.plain();
            Matcher m = CALL.matcher(code);
            while (m.find()) {
                String arg = m.group(1);
                if (arg.startsWith("[")) {
                    List<String> parts = new ArrayList<>();
                    Matcher lit = LITERAL.matcher(arg);
                    while (lit.find()) {
                        parts.add(unescape(lit.group(1) != null ? lit.group(1) : lit.group(2)));
                    }
                    out.add(String.join(" ", parts.stream().map(Interpreters::quote).toList()));
                } else {
                    out.add(unescape(m.group(2) != null ? m.group(2) : m.group(3)));
                }
            }
            if (c.prog().startsWith("perl") || c.prog().startsWith("ruby") || c.prog().startsWith("php")) {
                Matcher b = BACKTICK.matcher(code);
                while (b.find()) {
                    out.add(b.group(1) != null ? b.group(1) : b.group(2) != null ? b.group(2) : b.group(3));
                }
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\'", "'").replace("\\\\", "\\");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
