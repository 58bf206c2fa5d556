package dev.orrery.center.shell.internal;

import dev.orrery.center.proxy.Targets;
import java.util.ArrayList;
import java.util.List;

/**
 * The positional arguments of {@code orrery:run}: targets, then {@code --}, then the command
 * words. A target is a host name (hostId, hostname, IP or SN) or {@code group:NAME}.
 *
 * @param targets the hosts and groups to run on
 * @param command the command line, its words joined by single spaces
 */
record RunArgs(Targets targets, String command) {
    /** The word that separates targets from the command. */
    static final String SEPARATOR = "--";
    /** The prefix that marks a group target. */
    static final String GROUP_PREFIX = "group:";

    /**
     * Karaf hands every word after the first positional one to the multi-valued argument, so
     * {@code run h1 h2 -- uname -a} arrives as {@code [h1, h2, --, uname, -a]}. When the
     * separator comes right after options (e.g. {@code run -g demo -- uname}) Karaf has already
     * consumed it as the {@code --} option, so {@code separatorSeen} is set and every word is
     * part of the command.
     *
     * @param words the positional words
     * @param groupOptions groups given with {@code -g}, may be {@code null}
     * @param separatorSeen whether the {@code --} option was given
     * @return the parsed arguments
     * @throws IllegalArgumentException when there is no separator, no target or no command
     */
    static RunArgs parse(List<String> words, List<String> groupOptions, boolean separatorSeen) {
        List<String> all = words == null ? List.of() : words;
        int split = separatorSeen ? -1 : all.indexOf(SEPARATOR);
        if (!separatorSeen && split < 0) {
            throw new IllegalArgumentException("separate the targets from the command with --, e.g. orrery:run host1 group:web -- uname -a");
        }
        List<String> hosts = new ArrayList<>();
        List<String> groups = new ArrayList<>(groupOptions == null ? List.of() : groupOptions);
        for (String target : all.subList(0, Math.max(split, 0))) {
            if (target.startsWith(GROUP_PREFIX) && target.length() > GROUP_PREFIX.length()) {
                groups.add(target.substring(GROUP_PREFIX.length()));
            } else if (!target.isBlank()) {
                hosts.add(target);
            }
        }
        String command = String.join(" ", all.subList(split + 1, all.size())).trim();
        if (hosts.isEmpty() && groups.isEmpty()) {
            throw new IllegalArgumentException("name at least one target: a host, group:NAME or -g NAME");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command after --");
        }
        return new RunArgs(new Targets(hosts, groups), command);
    }
}
