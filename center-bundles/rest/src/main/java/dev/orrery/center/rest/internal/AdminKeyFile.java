package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.api.PrivateFiles;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Creates the first admin API account of an empty store and writes its key to
 * {@code <dir>/admin-api-key.json} ({@code {"keyId","secret"}}, mode 0600 from creation on).
 * The file is written before the account is created, so a crash in between leaves a file
 * without an account, which the next start (store still empty) replaces.
 */
final class AdminKeyFile {
    /** The file name inside the Orrery data folder. */
    static final String FILE_NAME = "admin-api-key.json";

    private final Path dir;
    private final AccountStore accounts;
    private final SecureRandom random;
    private final Clock clock;

    AdminKeyFile(Path dir, AccountStore accounts, SecureRandom random, Clock clock) {
        this.dir = dir;
        this.accounts = accounts;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @return the key id of the account created now, or empty when accounts already existed
     * @throws IOException if the file cannot be written (no account is created then)
     */
    Optional<String> ensure() throws IOException {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        String keyId = "adm-" + HexFormat.of().formatHex(bytes(8));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Path file = path();
        write(file, keyId, secret);
        try {
            accounts.create(new ApiAccount(keyId, secret, "admin", "admin", true, clock.millis()));
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return Optional.of(keyId);
    }

    /** @return where the key is written */
    Path path() {
        return dir.resolve(FILE_NAME);
    }

    private void write(Path file, String keyId, String secret) throws IOException {
        ObjectNode json = Json.MAPPER.createObjectNode().put("keyId", keyId).put("secret", secret);
        byte[] text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        byte[] withNewline = Arrays.copyOf(text, text.length + 1);
        withNewline[text.length] = '\n';
        PrivateFiles.writeOwnerOnly(file, withNewline);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
