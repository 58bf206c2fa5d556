package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.security.AccountService;
import dev.orrery.center.security.AccountSpec;
import dev.orrery.center.store.ApiAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class AccountShellTest {
    private final Accounts service = new Accounts();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AccountShell shell = new AccountShell(service, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String out() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    @Test
    void createPrintsTheSecretOnceAndListNever() throws Exception {
        shell.create("ci", "operator", "demo, web", "cmd", true, "cmd:highrisk");
        String created = out();
        ApiAccount a = service.accounts.get("key-1");
        assertEquals(List.of("demo", "web"), a.groups());
        assertEquals(List.of("cmd"), a.taskTypes());
        assertTrue(a.commandMapping());
        assertEquals(List.of("cmd:highrisk"), a.permissions());
        assertTrue(created.contains("key-1") && created.contains("secret-1"), created);
        shell.list();
        String listed = out();
        assertTrue(listed.contains("key-1") && listed.contains("ci") && listed.contains("demo,web"), listed);
        assertFalse(listed.contains("secret-1"), listed);
        assertTrue(listed.contains("1 account"), listed);
    }

    @Test
    void disableEnableRotateDeleteAndMapping() throws Exception {
        shell.create("ops", "operator", null, null, false, null);
        out();
        shell.enable("key-1", false);
        assertTrue(out().contains("disabled"));
        assertFalse(service.accounts.get("key-1").enabled());
        shell.enable("key-1", true);
        assertTrue(out().contains("enabled"));
        shell.rotate("key-1");
        assertTrue(out().contains("secret-2"));
        shell.mapping("key-1", List.of("reboot", "uptime"));
        String mapped = out();
        assertTrue(mapped.contains("reboot") && mapped.contains("a-reboot"), mapped);
        shell.delete("key-1");
        assertTrue(out().contains("deleted"));
        CommandException e = assertThrows(CommandException.class, () -> shell.delete("key-1"));
        assertTrue(e.getMessage().startsWith("NOT_FOUND"), e.getMessage());
    }

    @Test
    void commandsAreNamedAsDocumented() {
        List<Class<?>> commands = List.of(AccountCreateCommand.class, AccountListCommand.class, AccountDisableCommand.class,
                AccountEnableCommand.class, AccountRotateCommand.class, AccountDeleteCommand.class, AccountMappingCommand.class);
        assertEquals(List.of("account-create", "account-list", "account-disable", "account-enable", "account-rotate", "account-delete",
                "account-mapping"), commands.stream().map(c -> c.getAnnotation(Command.class).name()).toList());
        commands.forEach(c -> assertEquals("orrery", c.getAnnotation(Command.class).scope()));
        assertEquals(List.of(), AccountShell.list(" , "));
    }

    /** An in-memory account service. */
    private static final class Accounts implements AccountService {
        final Map<String, ApiAccount> accounts = new LinkedHashMap<>();
        private final AtomicInteger seq = new AtomicInteger();

        @Override
        public ApiAccount create(AccountSpec s) {
            int n = seq.incrementAndGet();
            ApiAccount a = new ApiAccount("key-" + n, "secret-" + n, s.name(), s.role(), true, 0L, s.groups(), s.taskTypes(),
                    s.commandMapping(), s.permissions());
            accounts.put(a.keyId(), a);
            return a;
        }

        @Override
        public List<ApiAccount> list() {
            return List.copyOf(accounts.values());
        }

        @Override
        public ApiAccount get(String keyId) {
            return Optional.ofNullable(accounts.get(keyId)).orElseThrow(() -> new OrreryException(ErrorCode.NOT_FOUND, "no account " + keyId));
        }

        private ApiAccount with(ApiAccount a, String secret, boolean enabled) {
            ApiAccount b = new ApiAccount(a.keyId(), secret, a.name(), a.role(), enabled, a.createdAt(), a.groups(), a.taskTypes(),
                    a.commandMapping(), a.permissions());
            accounts.put(a.keyId(), b);
            return b;
        }

        @Override
        public ApiAccount enable(String keyId) {
            return with(get(keyId), get(keyId).secret(), true);
        }

        @Override
        public ApiAccount disable(String keyId) {
            return with(get(keyId), get(keyId).secret(), false);
        }

        @Override
        public ApiAccount rotate(String keyId) {
            return with(get(keyId), "secret-" + seq.incrementAndGet(), get(keyId).enabled());
        }

        @Override
        public void delete(String keyId) {
            get(keyId);
            accounts.remove(keyId);
        }

        @Override
        public Map<String, String> mapping(String keyId, List<String> programs) {
            get(keyId);
            Map<String, String> m = new LinkedHashMap<>();
            programs.forEach(p -> m.put(p, "a-" + p));
            return m;
        }
    }
}
