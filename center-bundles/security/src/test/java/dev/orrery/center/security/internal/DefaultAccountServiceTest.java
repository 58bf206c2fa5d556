package dev.orrery.center.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.security.AccountSpec;
import dev.orrery.center.store.ApiAccount;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DefaultAccountServiceTest {
    private final MemoryAccountStore store = new MemoryAccountStore();
    private final DefaultAccountService service = new DefaultAccountService(store, new ShiroAuthorizer(), new SecureRandom(),
            Clock.systemUTC());

    private static AccountSpec spec(String name, String role) {
        return new AccountSpec(name, role, List.of("web"), List.of("cmd"), false, List.of("cmd:highrisk"));
    }

    private static void refused(ErrorCode code, Executable call) {
        OrreryException e = assertThrows(OrreryException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void createGivesAKeyIdAndA32ByteSecret() {
        ApiAccount a = service.create(spec("ops", "operator"));
        assertTrue(a.keyId().matches("key-[0-9a-f]{16}"), a.keyId());
        assertEquals(32, Base64.getUrlDecoder().decode(a.secret()).length);
        assertTrue(a.enabled());
        assertEquals(List.of("web"), a.groups());
        assertEquals(a, store.find(a.keyId()).orElseThrow());
        ApiAccount b = service.create(spec("ops2", "viewer"));
        assertNotEquals(a.keyId(), b.keyId());
        assertNotEquals(a.secret(), b.secret());
        assertEquals(List.of("ops", "ops2"), service.list().stream().map(ApiAccount::name).toList());
        assertEquals(a, service.get(a.keyId()));
    }

    @Test
    void createRefusesBadInput() {
        service.create(spec("taken", "viewer"));
        refused(ErrorCode.ALREADY_EXISTS, () -> service.create(spec("taken", "viewer")));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(spec("bad name", "viewer")));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(spec("", "viewer")));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(spec(null, "viewer")));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(spec("x", "root")));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(spec("x", null)));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(new AccountSpec("x", "viewer", List.of("a\nb"), List.of(), false, List.of())));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(new AccountSpec("x", "viewer", List.of(), List.of("Cmd!"), false, List.of())));
        refused(ErrorCode.INVALID_REQUEST, () -> service.create(new AccountSpec("x", "viewer", List.of(), List.of(), false, List.of("a b"))));
        assertEquals(1, store.count());
    }

    @Test
    void disableEnableRotateDelete() {
        ApiAccount admin = service.create(spec("root", "admin"));
        ApiAccount op = service.create(spec("op", "operator"));
        assertFalse(service.disable(op.keyId()).enabled());
        assertFalse(store.find(op.keyId()).orElseThrow().enabled());
        assertTrue(service.enable(op.keyId()).enabled());
        ApiAccount rotated = service.rotate(op.keyId());
        assertNotEquals(op.secret(), rotated.secret());
        assertEquals(rotated.secret(), store.find(op.keyId()).orElseThrow().secret());
        service.delete(op.keyId());
        assertTrue(store.find(op.keyId()).isEmpty());
        refused(ErrorCode.NOT_FOUND, () -> service.delete(op.keyId()));
        refused(ErrorCode.NOT_FOUND, () -> service.disable("key-nobody"));
        refused(ErrorCode.NOT_FOUND, () -> service.rotate("key-nobody"));
        refused(ErrorCode.NOT_FOUND, () -> service.get(null));
        assertTrue(store.find(admin.keyId()).isPresent());
    }

    @Test
    void theLastEnabledAdminStays() {
        ApiAccount first = service.create(spec("first", "admin"));
        refused(ErrorCode.FORBIDDEN, () -> service.disable(first.keyId()));
        refused(ErrorCode.FORBIDDEN, () -> service.delete(first.keyId()));
        ApiAccount second = service.create(spec("second", "admin"));
        service.disable(second.keyId());
        refused(ErrorCode.FORBIDDEN, () -> service.delete(first.keyId()));
        service.delete(second.keyId()); // a disabled admin may go
        ApiAccount third = service.create(spec("third", "admin"));
        service.disable(first.keyId());
        refused(ErrorCode.FORBIDDEN, () -> service.disable(third.keyId()));
    }

    @Test
    void mappingCreatesAliasesForValidProgramsOnly() {
        ApiAccount op = service.create(spec("mapped", "operator"));
        Map<String, String> m = service.mapping(op.keyId(), List.of("reboot", "/usr/bin/uptime"));
        assertEquals(List.of("reboot", "/usr/bin/uptime"), List.copyOf(m.keySet()));
        assertEquals(m, service.mapping(op.keyId(), List.of("reboot", "/usr/bin/uptime")));
        refused(ErrorCode.INVALID_REQUEST, () -> service.mapping(op.keyId(), List.of("rm -rf")));
        refused(ErrorCode.INVALID_REQUEST, () -> service.mapping(op.keyId(), List.of("a;b")));
        refused(ErrorCode.NOT_FOUND, () -> service.mapping("key-nobody", List.of("ls")));
    }
}
