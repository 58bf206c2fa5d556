package dev.orrery.center.pki.internal;

import dev.orrery.center.store.MasterKey;
import dev.orrery.tls.PeerRole;
import dev.orrery.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enrollment tokens, kept as keyed hashes only (HMAC with the master key) in {@code pki/tokens},
 * one line each: {@code hash kind expiresAtMillis(0: never) usesLeft(-1: unlimited)}.
 */
final class TokenBook {
    private static final String PURPOSE = "orrery-enroll-token";
    private final Path file;
    private final MasterKey master;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(PeerRole kind, long expiresAt, int usesLeft) {
        String line(String hash) {
            return hash + " " + kind.unit() + " " + expiresAt + " " + usesLeft;
        }
    }

    TokenBook(Path file, MasterKey master, Clock clock) throws IOException {
        this.file = file;
        this.master = master;
        this.clock = clock;
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split(" ");
                PeerRole kind = f.length == 4 ? PeerRole.ofUnit(f[1]) : null;
                if (kind != null) {
                    entries.put(f[0], new Entry(kind, Long.parseLong(f[2]), Integer.parseInt(f[3])));
                }
            }
        }
    }

    synchronized String create(PeerRole kind, long ttlMillis, int uses) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = "ork_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long expires = ttlMillis > 0 ? clock.millis() + ttlMillis : 0;
        entries.put(hash(token), new Entry(kind, expires, uses > 0 ? uses : -1));
        save();
        return token;
    }

    /** @return {@code null} if the token was accepted (one use spent), else why not */
    synchronized String spend(String token, PeerRole kind) {
        if (token == null || token.isEmpty()) {
            return "no enrollment token";
        }
        String h = hash(token);
        Entry e = entries.get(h);
        if (e == null) {
            return "unknown enrollment token";
        }
        if (e.kind() != kind) {
            return "this token enrolls " + e.kind().unit() + "s";
        }
        if (e.expiresAt() > 0 && clock.millis() >= e.expiresAt()) {
            return "enrollment token expired";
        }
        if (e.usesLeft() == 0) {
            return "enrollment token used up";
        }
        if (e.usesLeft() > 0) {
            entries.put(h, new Entry(e.kind(), e.expiresAt(), e.usesLeft() - 1));
            save();
        }
        return null;
    }

    private String hash(String token) {
        return HexFormat.of().formatHex(master.mac(PURPOSE, token.getBytes(StandardCharsets.UTF_8)));
    }

    private void save() {
        StringBuilder b = new StringBuilder();
        entries.forEach((h, e) -> b.append(e.line(h)).append('\n'));
        try {
            TlsIdentity.writeOwnerOnly(file, b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
