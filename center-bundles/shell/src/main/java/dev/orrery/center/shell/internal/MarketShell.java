package dev.orrery.center.shell.internal;

import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.market.PluginInfo;
import dev.orrery.center.market.PluginVersion;
import dev.orrery.center.market.SubscriptionRequest;
import dev.orrery.center.market.SubscriptionStatus;
import dev.orrery.center.store.PluginRecord;
import dev.orrery.center.store.SubscriptionRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/** What the {@code market:*} commands do and print: plain, testable without a console. */
final class MarketShell {
    /** What every command says while the marketplace service is away. */
    static final String NOT_RUNNING = "the marketplace is not running (feature orrery-center-market)";
    /** Largest file market:upload reads; the marketplace's own maxPluginBytes is usually far smaller. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final List<String> STATES = List.of("installed", "pending", "installing", "failed", "paused");

    private final MarketService market;
    private final PrintStream out;

    /**
     * @param market the marketplace, {@code null} when it is not running
     * @param out where to print
     * @throws CommandException when the marketplace is not running
     */
    MarketShell(MarketService market, PrintStream out) throws CommandException {
        if (market == null) {
            throw new CommandException(NOT_RUNNING);
        }
        this.market = market;
        this.out = out;
    }

    /** Prints every plugin: name, kind, latest, versions, hosts running it, description. */
    void list() {
        ShellTable table = new ShellTable().emptyTableText("no plugins in the marketplace");
        for (String c : List.of("name", "kind", "latest", "versions", "installed", "description")) {
            table.column(c);
        }
        for (PluginInfo p : market.plugins()) {
            table.addRow().addContent(p.name(), p.kind(), p.latest(), String.join(", ", p.versions().stream().map(v -> v.record().version()).toList()),
                    p.versions().stream().mapToInt(PluginVersion::installed).sum(), p.description());
        }
        table.print(out);
    }

    /** Reads a plugin jar and uploads it as {@code uploadedBy}. */
    void upload(Path file, String uploadedBy) throws CommandException {
        byte[] jar;
        try {
            if (!Files.isRegularFile(file)) {
                throw new CommandException("no file " + file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CommandException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            jar = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
        PluginRecord r = call(() -> market.upload(jar, uploadedBy));
        out.println("Uploaded " + r.name() + " " + r.version() + " (" + r.kind() + ", " + r.size() + " bytes, sha256 " + r.sha256() + ")");
    }

    /** Subscribes a group and prints the subscription. */
    void subscribe(String group, String plugin, String version, Integer batchSize, Integer maxFailures, String by) throws CommandException {
        SubscriptionStatus s = call(() -> market.subscribe(new SubscriptionRequest(group, plugin, version, batchSize, maxFailures, by)));
        out.println("Group " + group + " subscribed to " + plugin + " " + s.subscription().version() + "; its hosts install it within seconds");
        print(s);
    }

    /** Removes a subscription. */
    void unsubscribe(String group, String plugin, String by) throws CommandException {
        if (!call(() -> market.unsubscribe(group, plugin, by))) {
            throw new CommandException("NOT_FOUND: group '" + group + "' has no subscription to plugin '" + plugin + "'");
        }
        out.println("Group " + group + " unsubscribed from " + plugin + "; its hosts uninstall it within seconds (unless another group wants it)");
    }

    /** Prints each subscription (of one group, or all): a line with state and counts, then its hosts. */
    void status(String group) throws CommandException {
        List<SubscriptionStatus> all = call(() -> market.subscriptions(group));
        if (all.isEmpty()) {
            out.println(group == null ? "no subscriptions" : "no subscriptions for group " + group);
        }
        for (SubscriptionStatus s : all) {
            print(s);
        }
    }

    /** Deletes a version no group subscribes to. */
    void delete(String name, String version, String by) throws CommandException {
        call(() -> {
            market.delete(name, version, by);
            return null;
        });
        out.println("Deleted " + name + " " + version);
    }

    private void print(SubscriptionStatus s) {
        SubscriptionRecord r = s.subscription();
        StringBuilder line = new StringBuilder().append(r.group()).append(' ').append(r.plugin()).append(' ').append(r.version()).append(": ")
                .append(r.state());
        if (r.reason() != null && !r.reason().isBlank()) {
            line.append(" (").append(r.reason()).append(')');
        }
        line.append(" - ").append(s.hosts().size()).append(" host(s)");
        for (String state : STATES) {
            long n = s.hosts().stream().filter(h -> h.state() != null && state.equals(h.state().toLowerCase(Locale.ROOT))).count();
            line.append(", ").append(n).append(' ').append(state);
        }
        line.append("; batch ").append(r.batchSize()).append(", max failures ").append(r.maxFailures()).append(", by ").append(r.updatedBy());
        out.println(line);
        ShellTable table = new ShellTable().emptyTableText("no hosts in group " + r.group());
        for (String c : List.of("host", "online", "desired", "actual", "state", "error")) {
            table.column(c);
        }
        for (SubscriptionStatus.HostPlugin h : s.hosts()) {
            table.addRow().addContent(h.hostId(), h.online() ? "yes" : "no", text(h.desired()), text(h.actual()), text(h.state()), text(h.error()));
        }
        table.print(out);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** A marketplace call whose refusal becomes a shell error {@code CODE: message}. */
    private static <T> T call(java.util.function.Supplier<T> call) throws CommandException {
        try {
            return call.get();
        } catch (OrreryException e) {
            throw ShellSupport.failure(e);
        }
    }
}
