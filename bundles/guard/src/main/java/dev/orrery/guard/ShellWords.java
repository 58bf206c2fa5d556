package dev.orrery.guard;

import dev.orrery.guard.internal.Programs;
import java.util.List;

/**
 * Finds the program words of a command line, with their exact offsets, so that command mapping can
 * replace each with the real program name. Reported: the command word of every simple command
 * (after {@code A=b} assignments) at the top level, in {@code ( )} and {@code { }} groups, in
 * {@code $( )} and backticks, in function bodies and control structures; the wrapped program of
 * wrappers ({@code sudo}, {@code env}, {@code nohup}, {@code nice}, {@code timeout}, {@code exec},
 * {@code command}, {@code time}, {@code xargs}, {@code stdbuf}, {@code ionice}, {@code setsid},
 * {@code chroot}, {@code find -exec}); and the programs inside the literal string of
 * {@code sh -c}/{@code bash -c}/{@code eval} (their span in the original line: when an inner word is
 * written with escapes the span covers it as written). Shell reserved words ({@code if}, {@code for},
 * {@code done}...) are not programs. A word that is quoted or contains expansions is still reported,
 * its text as written. Spans never partly overlap, but they nest when a program word holds a
 * substitution: {@code $(which ls) -l} reports {@code $(which ls)} and, inside it, {@code which}.
 * Encoded content piped into a shell cannot be reported (the guard refuses it).
 */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * @param command a command line
     * @return the program words in order of their start offset; never {@code null}
     * @throws IllegalArgumentException when the line cannot be parsed (unbalanced quotes or brackets,
     *         nesting too deep): treat it as refused
     */
    public static List<ProgramWord> programs(String command) {
        return Programs.of(command);
    }
}
