package dev.orrery.agent.accounts.internal;

import dev.orrery.agent.accounts.internal.PasswdDb.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five operations, each idempotent: it compares what is with what is asked and changes only
 * the difference, reporting every change in the {@code changed} list of its JSON answer. Not
 * thread-safe: the handler runs one operation at a time.
 */
final class AccountOps {
    private final AccountsSettings settings;
    private final Tools tools;
    private final PasswdDb db;
    private final KeyFiles keys;
    private final SudoFile sudo;
    private final Passwords passwords;

    AccountOps(AccountsSettings settings, Tools tools) {
        this.settings = settings;
        this.tools = tools;
        this.db = new PasswdDb(settings.root());
        this.keys = new KeyFiles(settings, tools);
        this.sudo = new SudoFile(settings.root(), tools);
        this.passwords = new Passwords(settings, tools);
    }

    PasswdDb db() {
        return db;
    }

    Passwords passwords() {
        return passwords;
    }

    String create(AccountParams p, long now) throws Failure {
        List<String> changed = new ArrayList<>();
        Map<String, Object> out = answer(p);
        Optional<Entry> found = db.find(p.user());
        String oldKind = found.map(Entry::kind).orElse(null);
        Entry e = found.isPresent() ? usable(found.get()) : add(p.user(), p.kind(), changed);
        if (found.isPresent() && !p.kind().equals(oldKind)) {
            tools.run(null, "usermod", passwords.rootArgs("-c", PasswdDb.MARK + p.kind(), p.user()));
            changed.add("kind set to " + p.kind());
        }
        String key = keys.authorize(e, p.key(), true);
        if (!key.equals("unchanged")) {
            changed.add("key " + key);
        }
        if (p.sudo() ? sudo.grant(p.user()) : sudo.revoke(p.user())) {
            changed.add(p.sudo() ? "sudo granted" : "sudo revoked");
        }
        boolean nowPublic = p.kind().equals(AccountParams.PUBLIC);
        if (nowPublic && !AccountParams.PUBLIC.equals(oldKind)) {
            out.put("password", passwords.rotate(p.user(), now));
            changed.add("password set");
        } else if (!nowPublic && AccountParams.PUBLIC.equals(oldKind)) {
            tools.run(null, "usermod", passwords.rootArgs("-L", p.user()));
            passwords.forget(p.user());
            changed.add("password locked");
        }
        out.put("uid", e.uid());
        out.put("changed", changed);
        return JsonOut.object(out);
    }

    String delete(AccountParams p) throws Failure {
        List<String> changed = new ArrayList<>();
        Map<String, Object> out = answer(p);
        Optional<Entry> found = db.find(p.user());
        if (found.isPresent()) {
            Entry e = usable(found.get());
            boolean ownHome = e.home().equals("/home/" + e.name());
            tools.run(null, "userdel", ownHome ? passwords.rootArgs("-r", p.user()) : passwords.rootArgs(p.user()));
            changed.add(ownHome ? "user and home removed" : "user removed, home " + e.home() + " kept");
        }
        if (sudo.revoke(p.user())) {
            changed.add("sudo revoked");
        }
        passwords.forget(p.user());
        out.put("changed", changed);
        return JsonOut.object(out);
    }

    String rotate(AccountParams p, long now) throws Failure {
        Entry e = existing(p.user());
        if (!AccountParams.PUBLIC.equals(e.kind())) {
            throw Failure.badTask("account '" + p.user() + "' is not a public account; only public accounts have a rotated password");
        }
        Map<String, Object> out = answer(p);
        out.put("password", passwords.rotate(p.user(), now));
        out.put("changed", List.of("password rotated"));
        return JsonOut.object(out);
    }

    String keygen(AccountParams p, String hostId) throws Failure {
        return keys.keygen(existing(p.user()), p.user() + "@" + hostId.replaceAll("[^A-Za-z0-9_.-]", "_")) + "\n";
    }

    String authorize(AccountParams p) throws Failure {
        List<String> changed = new ArrayList<>();
        Map<String, Object> out = answer(p);
        Optional<Entry> found = db.find(p.user());
        if (found.isEmpty() && !p.create()) {
            throw Failure.step("find account", "no account '" + p.user() + "' under " + settings.root() + " (set create=true to create it)");
        }
        Entry e = found.isPresent() ? usable(found.get()) : add(p.user(), AccountParams.PERSONAL, changed);
        String key = keys.authorize(e, p.key(), false);
        if (!key.equals("unchanged")) {
            changed.add("key " + key);
        }
        out.put("changed", changed);
        return JsonOut.object(out);
    }

    private Entry add(String user, String kind, List<String> changed) throws Failure {
        Long gid = db.groupId(user);
        if (gid != null && gid < PasswdDb.MIN_UID) {
            // joining an existing system group (sudo, adm, docker...) as primary group would grant its rights
            throw Failure.badTask("refusing to create '" + user + "': a system group of that name exists (gid " + gid + ")");
        }
        String[] group = gid != null ? new String[] {"-g", user} : new String[] {"-U"};
        List<String> args = new ArrayList<>(List.of(passwords.rootArgs("-m", "-s", settings.shell(), "-c", PasswdDb.MARK + kind)));
        args.addAll(List.of(group));
        args.add(user);
        tools.run(null, "useradd", args.toArray(String[]::new));
        changed.add("user created");
        return db.find(user).orElseThrow(() -> Failure.step("useradd", "the account is not in etc/passwd afterwards"));
    }

    private Entry existing(String user) throws Failure {
        Optional<Entry> e = db.find(user);
        if (e.isEmpty()) {
            throw Failure.step("find account", "no account '" + user + "' under " + settings.root());
        }
        return usable(e.get());
    }

    private static Entry usable(Entry e) throws Failure {
        if (e.system()) {
            throw Failure.badTask("refusing to manage system account '" + e.name() + "' (uid " + e.uid() + ")");
        }
        return e;
    }

    private static Map<String, Object> answer(AccountParams p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("op", p.op());
        out.put("user", p.user());
        return out;
    }
}
