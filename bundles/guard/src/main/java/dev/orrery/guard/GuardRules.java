package dev.orrery.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The configuration of a {@link Guard}: which built-in rules are on, extra system folders, and
 * extra rules (a regular expression matched with {@code find()} against every normalized simple
 * command line: the program's base name and its arguments with quotes removed, joined by single
 * spaces, at every wrapper level, e.g. {@code sudo rm -rf x} and {@code rm -rf x}).
 * Immutable and thread-safe; built with {@link #builder()}.
 */
public final class GuardRules {
    /** {@code rm -r}, {@code find -delete}, {@code mv}, {@code shred}... on the root or a system folder or its whole contents. */
    public static final String ROOT_DESTROY = "root-destroy";
    /** Creating a filesystem, erasing signatures or rewriting a partition table ({@code mkfs*}, {@code wipefs -a}, {@code fdisk}...). */
    public static final String DISK_FORMAT = "disk-format";
    /** Raw writes onto a block device or kernel memory ({@code dd of=/dev/sda}, {@code > /dev/nvme0n1}, {@code shred /dev/sdb}). */
    public static final String DISK_WRITE = "disk-write";
    /** A function that calls itself in a pipe or in the background, or a fork loop in perl/python/ruby. */
    public static final String FORK_BOMB = "fork-bomb";
    /** Power-off, reboot, halt, kexec, rescue/emergency mode, sysrq. */
    public static final String POWER = "power";
    /** {@code chmod/chown/chgrp/setfacl -R} on the root or a system folder or its whole contents. */
    public static final String PERM_RECURSIVE = "perm-recursive";
    /** Overwriting, appending to, moving, truncating or deleting passwd, shadow, group, gshadow, sudoers, sudoers.d. */
    public static final String ACCOUNT_FILES = "account-files";
    /** Encoded or transformed text piped or substituted into a shell whose decoded content cannot be known. */
    public static final String ENCODED_SHELL = "encoded-shell";
    /** Unbalanced quotes or brackets, or nesting deeper than the guard follows: refused (fail closed). */
    public static final String UNPARSEABLE = "unparseable";

    /** Every built-in rule id. */
    public static final List<String> BUILT_IN = List.of(ROOT_DESTROY, DISK_FORMAT, DISK_WRITE, FORK_BOMB, POWER,
            PERM_RECURSIVE, ACCOUNT_FILES, ENCODED_SHELL, UNPARSEABLE);

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ABSOLUTE = Pattern.compile("/[^\\x00]*");

    private final boolean enabled;
    private final Set<String> disabled;
    private final List<String> systemPaths;
    private final Map<String, Pattern> extraRules;

    private GuardRules(Builder b) {
        this.enabled = b.enabled;
        this.disabled = Collections.unmodifiableSet(new LinkedHashSet<>(b.disabled));
        this.systemPaths = List.copyOf(b.systemPaths);
        this.extraRules = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraRules));
    }

    /** @return every built-in rule on, no extras */
    public static GuardRules defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the guard checks at all ({@code false}: everything is allowed) */
    public boolean enabled() {
        return enabled;
    }

    /**
     * @param rule a rule id
     * @return whether the guard is enabled and the rule not switched off
     */
    public boolean active(String rule) {
        return enabled && !disabled.contains(rule);
    }

    /** @return the rule ids switched off */
    public Set<String> disabledRules() {
        return disabled;
    }

    /** @return extra system folders (absolute paths), beside the built-in ones */
    public List<String> systemPaths() {
        return systemPaths;
    }

    /** @return extra rules by id, in the order given */
    public Map<String, Pattern> extraRules() {
        return extraRules;
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = true;
        private final Set<String> disabled = new LinkedHashSet<>();
        private final List<String> systemPaths = new ArrayList<>();
        private final Map<String, Pattern> extraRules = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param on whether the guard checks at all
         * @return this
         */
        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        /**
         * @param rule a built-in or extra rule id to switch off (checked by {@link #build()})
         * @return this
         */
        public Builder disable(String rule) {
            disabled.add(rule == null ? "" : rule.trim());
            return this;
        }

        /**
         * @param path an absolute folder to treat as a system folder (e.g. {@code /data})
         * @return this
         * @throws IllegalArgumentException when the path is not absolute
         */
        public Builder systemPath(String path) {
            String p = path == null ? "" : path.trim();
            if (!ABSOLUTE.matcher(p).matches()) {
                throw new IllegalArgumentException("systemPaths: not an absolute path: '" + p + "'");
            }
            systemPaths.add(p);
            return this;
        }

        /**
         * @param id the rule id: lower case letters, digits, {@code . _ -}; unique, not a built-in id
         * @param regex a Java regular expression, matched with {@code find()}
         * @return this
         * @throws IllegalArgumentException for a bad or duplicate id or a bad expression, naming it
         */
        public Builder extraRule(String id, String regex) {
            String rid = id == null ? "" : id.trim();
            if (!RULE_ID.matcher(rid).matches()) {
                throw new IllegalArgumentException("extraRules: bad rule id '" + rid + "' (use a-z, 0-9, . _ -)");
            }
            if (BUILT_IN.contains(rid) || extraRules.containsKey(rid)) {
                throw new IllegalArgumentException("extraRules: rule id '" + rid + "' is already taken");
            }
            try {
                extraRules.put(rid, Pattern.compile(regex == null ? "" : regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("extraRules: rule '" + rid + "' has a bad expression: "
                        + e.getDescription(), e);
            }
            return this;
        }

        /**
         * @return the rules
         * @throws IllegalArgumentException when a switched-off rule id is unknown
         */
        public GuardRules build() {
            for (String rule : disabled) {
                if (!BUILT_IN.contains(rule) && !extraRules.containsKey(rule)) {
                    throw new IllegalArgumentException("disabledRules: unknown rule id '" + rule + "' (known: "
                            + String.join(", ", BUILT_IN) + ")");
                }
            }
            return new GuardRules(this);
        }
    }
}
