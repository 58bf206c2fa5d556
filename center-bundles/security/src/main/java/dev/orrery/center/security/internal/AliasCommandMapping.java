package dev.orrery.center.security.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.security.CommandMapping;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import dev.orrery.guard.ProgramWord;
import dev.orrery.guard.ShellWords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link CommandMapping} with the guard's shell parser: every program word of the line must be
 * one of the account's aliases, and is replaced by its program, right to left so that the
 * offsets of the words still to replace stay valid. The expanded line is parsed again, since a
 * word only becomes a program once its wrapper is known ({@code sudo X}, {@code sh -c 'X'} with
 * {@code sudo} and {@code sh} written as aliases): every new program word must be an alias too,
 * until no new one appears. A word written with quotes or expansions is never an alias (aliases
 * are plain {@code [a-z0-9]}), so it is refused rather than guessed at.
 */
@Component(service = CommandMapping.class)
public final class AliasCommandMapping implements CommandMapping {
    private static final int MAX_ALIAS = 32;
    private static final int NAMED_AT_MOST = 20;
    private static final int MAX_ROUNDS = 8;

    private final AccountStore store;

    /** @param store where the aliases are */
    @Activate
    public AliasCommandMapping(@Reference AccountStore store) {
        this.store = store;
    }

    @Override
    public String expand(ApiAccount account, String command) {
        if (!account.commandMapping() || command == null) {
            return command;
        }
        StringBuilder line = new StringBuilder(command);
        List<int[]> expanded = new ArrayList<>(); // spans [start, end) of the programs put in so far
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<ProgramWord> todo = parse(line.toString()).stream().filter(w -> !isExpanded(expanded, w)).toList();
            if (todo.isEmpty()) {
                return line.toString();
            }
            List<String> programs = programs(account, todo);
            for (int i = todo.size() - 1; i >= 0; i--) {
                ProgramWord w = todo.get(i);
                String program = programs.get(i);
                int delta = program.length() - (w.end() - w.start());
                line.replace(w.start(), w.end(), program);
                for (int[] span : expanded) {
                    if (span[0] >= w.end()) {
                        span[0] += delta;
                        span[1] += delta;
                    }
                }
                expanded.add(new int[] {w.start(), w.start() + program.length()});
            }
        }
        throw new OrreryException(ErrorCode.CMD_UNMAPPED, "the command nests programs too deeply for command mapping; nothing was dispatched",
                List.of(command));
    }

    private static List<ProgramWord> parse(String line) {
        List<ProgramWord> words;
        try {
            words = ShellWords.programs(line);
        } catch (IllegalArgumentException e) {
            throw new OrreryException(ErrorCode.CMD_UNMAPPED, "the command cannot be parsed for command mapping (" + e.getMessage()
                    + "); nothing was dispatched", List.of(line));
        }
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).start() < words.get(i - 1).end()) {
                throw new OrreryException(ErrorCode.CMD_UNMAPPED, "the command's program words overlap and cannot be mapped; "
                        + "nothing was dispatched", List.of(words.get(i).text()));
            }
        }
        return words;
    }

    private static boolean isExpanded(List<int[]> expanded, ProgramWord w) {
        for (int[] span : expanded) {
            if (span[0] == w.start() && span[1] == w.end()) {
                return true;
            }
        }
        return false;
    }

    /** @return the program of every word, in order; throws CMD_UNMAPPED naming every word that is no alias */
    private List<String> programs(ApiAccount account, List<ProgramWord> words) {
        List<String> programs = new ArrayList<>(words.size());
        Set<String> unmapped = new LinkedHashSet<>();
        for (ProgramWord w : words) {
            Optional<String> program = w.text().length() <= MAX_ALIAS && w.text().matches("[a-z][a-z0-9]*")
                    ? store.program(account.keyId(), w.text()) : Optional.empty();
            programs.add(program.orElse(null));
            if (program.isEmpty()) {
                unmapped.add(w.text());
            }
        }
        if (!unmapped.isEmpty()) {
            List<String> named = List.copyOf(unmapped).subList(0, Math.min(unmapped.size(), NAMED_AT_MOST));
            throw new OrreryException(ErrorCode.CMD_UNMAPPED, "this account must write every program as its alias; not an alias: "
                    + String.join(", ", named) + "; nothing was dispatched", named);
        }
        return programs;
    }
}
