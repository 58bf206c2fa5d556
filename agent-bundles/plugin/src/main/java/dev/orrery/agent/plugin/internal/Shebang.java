package dev.orrery.agent.plugin.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How a script plugin's entry is run (jar entries carry no exec bit): the program its {@code #!}
 * line names, split on whitespace (so {@code #!/usr/bin/env python3} runs
 * {@code /usr/bin/env python3 FILE args…}), else {@code /bin/sh}. The program must be an absolute path.
 *
 * @param interpreter the program and its own arguments, to which the file and the task's args are appended
 */
record Shebang(List<String> interpreter) {
    /** The program of a script without a {@code #!} line. */
    static final String DEFAULT = "/bin/sh";
    /** Programs whose scripts the high-risk guard vets (the text is shell). */
    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ksh", "zsh");
    private static final int MAX_LINE = 512;

    Shebang {
        interpreter = List.copyOf(interpreter);
    }

    /**
     * @param script the script's bytes
     * @return how to run it
     * @throws IllegalArgumentException when the {@code #!} line names a relative program, none, or is too long
     */
    static Shebang of(byte[] script) {
        if (script.length < 2 || script[0] != '#' || script[1] != '!') {
            return new Shebang(List.of(DEFAULT));
        }
        int end = 2;
        while (end < script.length && script[end] != '\n' && end < MAX_LINE) {
            end++;
        }
        if (end == MAX_LINE && end < script.length && script[end] != '\n') {
            throw new IllegalArgumentException("the #! line is longer than " + MAX_LINE + " bytes");
        }
        String line = new String(script, 2, end - 2, StandardCharsets.UTF_8).strip(); // strip drops a CR of CRLF too
        List<String> argv = Arrays.stream(line.split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("the #! line names no interpreter");
        }
        if (!Path.of(argv.get(0)).isAbsolute() || argv.get(0).indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the #! line's interpreter '" + argv.get(0) + "' must be an absolute path");
        }
        return new Shebang(argv);
    }

    /**
     * @return whether the script is shell text: the program is a shell, or {@code env} naming one
     */
    boolean shell() {
        String program = Path.of(interpreter.get(0)).getFileName().toString();
        if (program.equals("env") && interpreter.size() > 1) {
            program = Path.of(interpreter.get(1)).getFileName().toString();
        }
        return SHELLS.contains(program);
    }

    /**
     * @param file the extracted script
     * @param args the task's arguments
     * @return the full command line
     */
    List<String> argv(Path file, List<String> args) {
        List<String> out = new java.util.ArrayList<>(interpreter);
        out.add(file.toString());
        out.addAll(args);
        return out;
    }
}
