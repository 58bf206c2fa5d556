package dev.orrery.agent.accounts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code ROOT/etc/passwd} and {@code ROOT/etc/group} (the files, never NSS: the root may be a scratch folder). */
final class PasswdDb {
    /** Comment (GECOS) that marks an account as created by Orrery; the kind follows it. */
    static final String MARK = "orrery ";
    static final int MIN_UID = 1000;
    private static final long NOBODY = 65534;

    /** One account. */
    record Entry(String name, long uid, long gid, String gecos, String home) {
        /** @return the kind recorded in the comment, or {@code null} when Orrery did not create it */
        String kind() {
            return gecos.startsWith(MARK) ? gecos.substring(MARK.length()) : null;
        }

        /** @return whether it is root, a system account or nobody */
        boolean system() {
            return uid < MIN_UID || uid == NOBODY || name.equals("root");
        }
    }

    private final Path root;

    PasswdDb(Path root) {
        this.root = root;
    }

    /**
     * @param user an account name
     * @return the account, if present
     * @throws Failure if the file cannot be read or the entry is malformed
     */
    Optional<Entry> find(String user) throws Failure {
        for (Entry e : all()) {
            if (e.name().equals(user)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * @return every well-formed account in the file
     * @throws Failure if the file cannot be read
     */
    List<Entry> all() throws Failure {
        List<Entry> out = new ArrayList<>();
        for (String line : lines("etc/passwd")) {
            String[] f = line.split(":", -1);
            if (f.length >= 7) {
                try {
                    out.add(new Entry(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5]));
                } catch (NumberFormatException e) {
                    // a malformed line is not ours to judge; skip it
                }
            }
        }
        return out;
    }

    /**
     * @param group a group name
     * @return its gid, or {@code null} if {@code ROOT/etc/group} has no such group
     * @throws Failure if the file cannot be read
     */
    Long groupId(String group) throws Failure {
        for (String line : lines("etc/group")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[0].equals(group)) {
                try {
                    return Long.parseLong(f[2]);
                } catch (NumberFormatException e) {
                    return -1L;
                }
            }
        }
        return null;
    }

    private List<String> lines(String file) throws Failure {
        try {
            return Files.readAllLines(root.resolve(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw Failure.step("read " + file, e.getMessage());
        }
    }
}
