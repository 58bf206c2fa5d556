package dev.orrery.center.store;

/**
 * One audited act, as its recorder saw it. Fields longer than the store keeps are cut and marked
 * (see {@link AuditLog#append}); {@code null} text is stored as the empty string.
 *
 * @param at when it happened, epoch ms
 * @param kind {@link #API}, {@link #SHELL} or {@link #TERMINAL}
 * @param account who: an API key id (a claimed but unverified one ends in {@code " (unverified)"}),
 *     a shell user, or {@code "-"} when unknown
 * @param source where from: the client's address for the API, the console for the shell
 * @param action what was called: {@code "POST /api/v1/cmd"} with its query string, or a command name
 * @param targets the targets named, e.g. {@code hosts=web-1,web-2 groups=demo}, or empty
 * @param detail what was asked: for a command the command itself, for the shell the command line
 * @param bodyDigest lowercase hex SHA-256 of the request body, empty when there was none or it was not read
 * @param outcome e.g. {@code "202"}, {@code "403 CMD_HIGH_RISK"}, {@code "ok"}, {@code "failed"}
 */
public record AuditEntry(long at, String kind, String account, String source, String action, String targets, String detail,
        String bodyDigest, String outcome) {
    /** A call of the REST API. */
    public static final String API = "api";
    /** A command typed in the Karaf console (local or SSH). */
    public static final String SHELL = "shell";
    /** A web terminal session (reserved: no web terminal exists yet). */
    public static final String TERMINAL = "terminal";

    public AuditEntry {
        kind = text(kind);
        account = text(account);
        source = text(source);
        action = text(action);
        targets = text(targets);
        detail = text(detail);
        bodyDigest = text(bodyDigest);
        outcome = text(outcome);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
