package dev.orrery.center.shell.internal;

import dev.orrery.api.OrreryException;
import dev.orrery.center.security.AccountService;
import dev.orrery.center.security.AccountSpec;
import dev.orrery.center.store.ApiAccount;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * What the {@code orrery:account-*} commands do, apart from the shell: call the account service
 * and print. A secret is printed by create and rotate only, once.
 */
final class AccountShell {
    private final AccountService accounts;
    private final PrintStream out;

    AccountShell(AccountService accounts, PrintStream out) {
        this.accounts = accounts;
        this.out = out;
    }

    void create(String name, String role, String groups, String taskTypes, boolean mapping, String permissions) throws CommandException {
        ApiAccount a = run(() -> accounts.create(new AccountSpec(name, role, list(groups), list(taskTypes), mapping, list(permissions))));
        printSecret("Created API account " + a.name(), a);
    }

    void list() throws CommandException {
        List<ApiAccount> all = run(accounts::list);
        ShellTable table = new ShellTable().emptyTableText("no API accounts");
        for (String column : List.of("keyId", "name", "role", "enabled", "groups", "taskTypes", "mapping", "permissions", "created")) {
            table.column(column);
        }
        for (ApiAccount a : all) {
            table.addRow().addContent(a.keyId(), a.name(), a.role(), a.enabled() ? "yes" : "no", String.join(",", a.groups()),
                    String.join(",", a.taskTypes()), a.commandMapping() ? "on" : "off", String.join(",", a.permissions()),
                    Instant.ofEpochMilli(a.createdAt()).toString());
        }
        table.print(out);
        out.println(all.size() + (all.size() == 1 ? " account" : " accounts"));
    }

    void enable(String keyId, boolean enabled) throws CommandException {
        ApiAccount a = run(() -> enabled ? accounts.enable(keyId) : accounts.disable(keyId));
        out.println("API account " + a.keyId() + " (" + a.name() + ") is " + (a.enabled() ? "enabled" : "disabled"));
    }

    void rotate(String keyId) throws CommandException {
        printSecret("New secret for API account " + keyId + "; the old one no longer works", run(() -> accounts.rotate(keyId)));
    }

    void delete(String keyId) throws CommandException {
        run(() -> {
            accounts.delete(keyId);
            return null;
        });
        out.println("API account " + keyId + " deleted");
    }

    void mapping(String keyId, List<String> programs) throws CommandException {
        Map<String, String> m = run(() -> accounts.mapping(keyId, programs));
        ShellTable table = new ShellTable();
        table.column("program");
        table.column("alias");
        m.forEach((program, alias) -> table.addRow().addContent(program, alias));
        table.print(out);
    }

    private void printSecret(String headline, ApiAccount a) {
        out.println(headline + ":");
        out.println("  keyId:  " + a.keyId());
        out.println("  secret: " + a.secret());
        out.println("The secret is shown this once; it is stored encrypted and cannot be read back.");
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private interface Call<T> {
        T call();
    }

    private static <T> T run(Call<T> call) throws CommandException {
        try {
            return call.call();
        } catch (OrreryException e) {
            throw ShellSupport.failure(e);
        }
    }
}
