package dev.orrery.agent.cmd.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Looks up the agent's own user and the users a command may run as. Thread-safe. */
class Accounts {
    /** A user as the password database knows it. */
    record Account(String name, long uid, Path home) {
    }

    private static final Path GETENT = Path.of("/usr/bin/getent");
    private static final Path PASSWD = Path.of("/etc/passwd");

    /** @return the agent's effective uid, or -1 if unknown */
    long currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: fall through
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }

    /**
     * @param name a user name (already checked to be well-formed)
     * @return the user, or empty if the host has no such user
     * @throws IOException if the password database cannot be read
     */
    Optional<Account> lookup(String name) throws IOException {
        List<String> lines = Files.isExecutable(GETENT) ? getent(name) : Files.readAllLines(PASSWD);
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length >= 7 && (f[0].equals(name) || f[2].equals(name))) {
                try {
                    return Optional.of(new Account(f[0], Long.parseLong(f[2]), Path.of(f[5].isEmpty() ? "/" : f[5])));
                } catch (RuntimeException e) {
                    throw new IOException("malformed password entry for '" + name + "'");
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> getent(String name) throws IOException {
        Process p = new ProcessBuilder(GETENT.toString(), "passwd", name)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            byte[] out = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("getent passwd did not answer in 10 s");
            }
            // exit 2: no such key; anything else but 0 is a failure of the lookup itself
            if (p.exitValue() == 2) {
                return List.of();
            }
            if (p.exitValue() != 0) {
                throw new IOException("getent passwd failed with exit code " + p.exitValue());
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while looking up user '" + name + "'");
        }
    }
}
