package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.center.store.ApiAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeyFileTest {
    @TempDir
    Path tmp;

    private final FakeAccountStore accounts = new FakeAccountStore();
    private final MutableClock clock = new MutableClock(42);

    private AdminKeyFile keyFile() {
        return new AdminKeyFile(tmp.resolve("orrery"), accounts, new SecureRandom(), clock);
    }

    @Test
    void anEmptyStoreGetsAnAdminAndAPrivateKeyFile() throws Exception {
        AdminKeyFile file = keyFile();
        Optional<String> keyId = file.ensure();
        assertTrue(keyId.isPresent());
        assertTrue(keyId.get().startsWith("adm-"));
        ApiAccount account = accounts.find(keyId.get()).orElseThrow();
        assertEquals("admin", account.role());
        assertTrue(account.enabled());
        assertEquals(32, Base64.getUrlDecoder().decode(account.secret()).length);

        JsonNode json = Json.MAPPER.readTree(file.path().toFile());
        assertEquals(keyId.get(), json.get("keyId").asText());
        assertEquals(account.secret(), json.get("secret").asText());
        assertEquals(2, json.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        try (Stream<Path> files = Files.list(file.path().getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void existingAccountsMeanNoSecondAdminEvenWithoutTheFile() throws Exception {
        accounts.with("someone", "x", true);
        AdminKeyFile file = keyFile();
        assertEquals(Optional.empty(), file.ensure());
        assertEquals(1, accounts.count());
        assertFalse(Files.exists(file.path()));
    }

    @Test
    void aSecondStartDoesNothing() throws Exception {
        AdminKeyFile file = keyFile();
        String first = file.ensure().orElseThrow();
        String content = Files.readString(file.path());
        assertEquals(Optional.empty(), keyFile().ensure());
        assertEquals(content, Files.readString(file.path()));
        assertEquals(1, accounts.count());
        assertTrue(accounts.find(first).isPresent());
    }

    @Test
    void aFailedAccountCreationLeavesNoFile() {
        accounts.failCreate = new IllegalStateException("store down");
        AdminKeyFile file = keyFile();
        assertThrows(IllegalStateException.class, file::ensure);
        assertFalse(Files.exists(file.path()));
    }

    @Test
    void aStaleFileFromAnInterruptedStartIsReplaced() throws Exception {
        Files.createDirectories(tmp.resolve("orrery"));
        Files.writeString(tmp.resolve("orrery").resolve(AdminKeyFile.FILE_NAME), "{\"keyId\":\"adm-old\",\"secret\":\"x\"}");
        String keyId = keyFile().ensure().orElseThrow();
        JsonNode json = Json.MAPPER.readTree(tmp.resolve("orrery").resolve(AdminKeyFile.FILE_NAME).toFile());
        assertEquals(keyId, json.get("keyId").asText());
    }
}
