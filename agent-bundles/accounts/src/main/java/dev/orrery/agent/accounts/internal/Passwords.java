package dev.orrery.agent.accounts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * Passwords of public accounts: random, set with {@code chpasswd -c SHA512} (the password travels
 * on stdin, never in arguments; the shadow file gets a SHA-512 crypt hash), never written anywhere
 * in plain text. When each account was last rotated is kept in
 * {@code ROOT/var/lib/orrery/accounts/rotated.properties} (0600), so the schedule survives restarts.
 */
final class Passwords {
    static final int LENGTH = 20;
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();
    private final AccountsSettings settings;
    private final Tools tools;
    private final Path state;

    Passwords(AccountsSettings settings, Tools tools) {
        this.settings = settings;
        this.tools = tools;
        this.state = settings.root().resolve("var/lib/orrery/accounts/rotated.properties");
    }

    /**
     * Sets a new random password and records the time.
     *
     * @param user a validated account name
     * @param now the time, epoch millis
     * @return the new password (to be handed out once, never stored)
     * @throws Failure if chpasswd or the state file fails
     */
    String rotate(String user, long now) throws Failure {
        StringBuilder pw = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        byte[] line = (user + ":" + pw + "\n").getBytes(StandardCharsets.UTF_8);
        tools.run(line, "chpasswd", rootArgs("-c", "SHA512"));
        record(user, now);
        return pw.toString();
    }

    /** @return when the account was last rotated (epoch millis), or -1 if never */
    long lastRotated(String user) throws Failure {
        String v = load().getProperty(user);
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Forgets an account (deleted). */
    void forget(String user) throws Failure {
        Properties p = load();
        if (p.remove(user) != null) {
            store(p);
        }
    }

    private void record(String user, long now) throws Failure {
        Properties p = load();
        p.setProperty(user, Long.toString(now));
        store(p);
    }

    /** @return the tool arguments that make it work under the root (none for the host's own root) */
    String[] rootArgs(String... args) {
        if (settings.hostRoot()) {
            return args;
        }
        String[] out = new String[args.length + 2];
        out[0] = "-R";
        out[1] = settings.root().toString();
        System.arraycopy(args, 0, out, 2, args.length);
        return out;
    }

    private Properties load() throws Failure {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(state)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // never rotated
        } catch (IOException e) {
            throw Failure.step("read rotated.properties", e.getMessage());
        }
        return p;
    }

    private void store(Properties p) throws Failure {
        try {
            Files.createDirectories(state.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path tmp = state.resolveSibling("rotated.properties.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Orrery: when each public account's password was last rotated (epoch millis)");
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw Failure.step("write rotated.properties", e.getMessage());
        }
    }
}
