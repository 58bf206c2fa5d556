package dev.orrery.agent.accounts.internal;

import dev.orrery.agent.accounts.internal.PasswdDb.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's {@code ~/.ssh}: authorized_keys and the user's own key pair. The folder is 0700 and
 * the files 0600, owned by the user's uid/gid from {@code ROOT/etc/passwd}. The agent runs as root
 * in the user's home, so a symbolic link at {@code ~/.ssh} or at a file it writes is refused rather
 * than followed; files are replaced by an atomic move of a fresh file.
 */
final class KeyFiles {
    /** Token ending the comment of the key {@code create} manages (the account's primary key). */
    static final String PRIMARY = "orrery:primary";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final AccountsSettings settings;
    private final Tools tools;

    KeyFiles(AccountsSettings settings, Tools tools) {
        this.settings = settings;
        this.tools = tools;
    }

    /**
     * Authorises a key.
     *
     * @param e the account
     * @param key the key
     * @param primary whether it is the account's primary key: then it replaces the previous primary key
     * @return {@code added}, {@code replaced} or {@code unchanged}
     * @throws Failure if a file step fails
     */
    String authorize(Entry e, SshKey key, boolean primary) throws Failure {
        Path file = sshDir(e).resolve("authorized_keys");
        refuseLink(file);
        List<String> lines = read(file);
        List<String> kept = new ArrayList<>();
        boolean present = false;
        boolean droppedPrimary = false;
        for (String line : lines) {
            boolean same = holds(line, key);
            if (primary && line.strip().endsWith(PRIMARY) && !same) {
                droppedPrimary = true;
                continue;
            }
            present |= same;
            kept.add(line);
        }
        if (present && !droppedPrimary) {
            return "unchanged";
        }
        if (!present) {
            kept.add(primary ? key.line() + " " + PRIMARY : key.line());
        }
        write(e, file, String.join("\n", kept) + "\n");
        return droppedPrimary ? "replaced" : "added";
    }

    /**
     * Makes the user's ed25519 key pair unless it exists.
     *
     * @param e the account
     * @param comment the comment of a new key
     * @return the public key line
     * @throws Failure if ssh-keygen or a file step fails
     */
    String keygen(Entry e, String comment) throws Failure {
        Path priv = sshDir(e).resolve("id_ed25519");
        Path pub = sshDir(e).resolve("id_ed25519.pub");
        refuseLink(priv);
        refuseLink(pub);
        if (!Files.exists(priv, NOFOLLOW)) {
            try {
                Files.deleteIfExists(pub);
            } catch (IOException x) {
                throw Failure.step("remove stale id_ed25519.pub", x.getMessage());
            }
            tools.run(null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", priv.toString());
            own(e, priv, "rw-------");
            own(e, pub, "rw-r--r--");
        } else if (!Files.exists(pub, NOFOLLOW)) {
            String line = tools.run(null, "ssh-keygen", "-y", "-f", priv.toString()).strip();
            write(e, pub, line + "\n");
        }
        try {
            return Files.readString(pub, StandardCharsets.UTF_8).strip();
        } catch (IOException x) {
            throw Failure.step("read id_ed25519.pub", x.getMessage());
        }
    }

    /** @return {@code ~/.ssh} under the root, made 0700 and owned by the user if absent */
    Path sshDir(Entry e) throws Failure {
        Path home = home(e);
        Path dir = home.resolve(".ssh");
        refuseLink(dir);
        if (!Files.isDirectory(home, NOFOLLOW)) {
            throw Failure.step("find home", "home folder " + e.home() + " of " + e.name() + " is missing or not a folder");
        }
        if (!Files.isDirectory(dir, NOFOLLOW)) {
            try {
                Files.createDirectory(dir);
            } catch (IOException x) {
                throw Failure.step("create ~/.ssh", x.getMessage());
            }
        }
        own(e, dir, "rwx------");
        return dir;
    }

    Path home(Entry e) throws Failure {
        try {
            return settings.under(e.home());
        } catch (IllegalArgumentException x) {
            throw Failure.step("find home", x.getMessage());
        }
    }

    private static boolean holds(String line, SshKey key) {
        String[] t = line.strip().split("\\s+");
        for (int i = 1; i < t.length; i++) {
            if (t[i].equals(key.blob()) && t[i - 1].endsWith(key.type())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> read(Path file) throws Failure {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException x) {
            return new ArrayList<>();
        } catch (IOException x) {
            throw Failure.step("read authorized_keys", x.getMessage());
        }
    }

    private void write(Entry e, Path file, String text) throws Failure {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".orrery-tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            own(e, tmp, "rw-------");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException x) {
            throw Failure.step("write " + file.getFileName(), x.getMessage());
        }
    }

    static void own(Entry e, Path p, String mode) throws Failure {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
            Files.setAttribute(p, "unix:uid", (int) e.uid(), NOFOLLOW);
            Files.setAttribute(p, "unix:gid", (int) e.gid(), NOFOLLOW);
        } catch (IOException | UnsupportedOperationException x) {
            throw Failure.step("chown " + p.getFileName(), x.getMessage());
        }
    }

    static void refuseLink(Path p) throws Failure {
        if (Files.isSymbolicLink(p)) {
            throw Failure.step("check " + p.getFileName(), p.getFileName() + " is a symbolic link; refusing to follow it");
        }
    }
}
