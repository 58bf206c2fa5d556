package dev.orrery.guard;

/**
 * A word of a command line in program position, as found by {@link ShellWords#programs(String)}.
 *
 * @param start offset of its first character in the original command line
 * @param end offset just after its last character (exclusive)
 * @param text the word as written there (quotes and expansions included): {@code command.substring(start, end)}
 */
public record ProgramWord(int start, int end, String text) {
}
