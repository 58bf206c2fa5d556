package dev.orrery.center.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.ApiAccount;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The role table of docs/accounts.md, permission by permission. */
class ShiroAuthorizerTest {
    private final ShiroAuthorizer authorizer = new ShiroAuthorizer();

    private static ApiAccount account(String role, boolean enabled, String... extra) {
        return new ApiAccount("k-" + role, "s", "n-" + role, role, enabled, 1L, List.of(), List.of(), false, List.of(extra));
    }

    @ParameterizedTest
    @CsvSource({
        "admin, host:read, true", "admin, task:submit, true", "admin, account:create, true", "admin, stats:read, true",
        "admin, cmd:highrisk, true", "admin, audit:read, true",
        "operator, host:read, true", "operator, task:submit, true", "operator, task:read, true", "operator, task:cancel, true",
        "operator, stats:read, false", "operator, account:read, false", "operator, cmd:highrisk, false", "operator, audit:read, false",
        "viewer, host:read, true", "viewer, task:read, true", "viewer, task:submit, false", "viewer, task:cancel, false",
        "viewer, account:read, false", "viewer, stats:read, false",
        "admin, market:delete, true", "operator, market:read, true", "operator, market:upload, true", "operator, market:subscribe, true",
        "operator, market:delete, false", "viewer, market:read, true", "viewer, market:upload, false", "viewer, market:subscribe, false",
        "viewer, market:delete, false",
        "nobody, host:read, false"})
    void roleTable(String role, String permission, boolean expected) {
        assertEquals(expected, authorizer.permitted(account(role, true), permission), role + " " + permission);
    }

    @Test
    void extraPermissionsAddToTheRole() {
        ApiAccount op = account("operator", true, "cmd:highrisk", "audit:read");
        assertTrue(authorizer.permitted(op, "cmd:highrisk"));
        assertTrue(authorizer.permitted(op, "audit:read"));
        assertFalse(authorizer.permitted(op, "account:read"));
        assertTrue(authorizer.permitted(account("viewer", true, "stats:*"), "stats:read"));
    }

    @Test
    void aDisabledAccountHoldsNothing() {
        assertFalse(authorizer.permitted(account("admin", false), "host:read"));
        assertFalse(authorizer.permitted(null, "host:read"));
        assertFalse(authorizer.permitted(account("admin", true), null));
    }

    @Test
    void requireNamesThePermission() {
        OrreryException e = assertThrows(OrreryException.class, () -> authorizer.require(account("viewer", true), "task:submit"));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertTrue(e.getMessage().contains("task:submit"), e.getMessage());
        assertEquals(List.of("task:submit"), e.details());
        authorizer.require(account("operator", true), "task:submit");
    }

    @Test
    void validatesPermissionSyntax() {
        assertTrue(authorizer.valid("cmd:highrisk"));
        assertTrue(authorizer.valid("task:read,cancel"));
        assertTrue(authorizer.valid("*"));
        assertTrue(authorizer.valid("stats:*"));
        assertFalse(authorizer.valid(""));
        assertFalse(authorizer.valid("a::b"));
        assertFalse(authorizer.valid("a b"));
        assertFalse(authorizer.valid("CMD:x"));
        assertFalse(authorizer.valid("x".repeat(200)));
    }
}
