package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.api.TaskTypes;
import dev.orrery.center.cron.CronRequest;
import dev.orrery.center.proxy.Scope;
import dev.orrery.center.proxy.TaskService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Parses the body of {@code POST /cron} strictly: {@code {"targets","schedule","timezone"?,"spread"?,
 * "command"|"store"|"plugin","runAs"?,"timeoutSeconds"?}}, exactly one of {@code command},
 * {@code store} ({@code {"content","interpreter"?,"args"?}}) and {@code plugin} (an object), unknown
 * fields refused. The schedule itself is checked by the cron service.
 */
final class CronRequestParser {
    private static final Set<String> FIELDS = Set.of("targets", "schedule", "timezone", "spread", "command", "store", "plugin", "runAs",
            "timeoutSeconds");
    private static final Set<String> STORE_FIELDS = Set.of("content", "interpreter", "args");
    private static final int MAX_SCHEDULE_CHARS = 500;

    private CronRequestParser() {
    }

    /**
     * @param root the body, a JSON object
     * @param createdBy the caller's key id
     * @param scope the caller's scope
     * @param maxTargets most target names
     * @param expand the caller's command mapping (identity when off)
     * @return the request
     * @throws OrreryException {@code INVALID_REQUEST}, {@code NO_TARGET}, {@code TOO_MANY_TARGETS}, {@code COMMAND_TOO_LARGE}
     */
    static CronRequest parse(JsonNode root, String createdBy, Scope scope, int maxTargets, UnaryOperator<String> expand) {
        Fields.refuseUnknown(root, FIELDS, "");
        String schedule = Fields.requiredText(root, "schedule");
        if (schedule.length() > MAX_SCHEDULE_CHARS) {
            throw Fields.invalid("schedule is longer than " + MAX_SCHEDULE_CHARS + " characters");
        }
        String timezone = Fields.optionalText(root, "timezone");
        boolean spread = AccountRequests.optionalBoolean(root, "spread");
        List<String> given = List.of("command", "store", "plugin").stream().filter(root::hasNonNull).toList();
        if (given.size() != 1) {
            throw Fields.invalid("a job needs exactly one of command, store or plugin" + (given.isEmpty() ? "" : "; got " + given));
        }
        ObjectNode spec = Json.MAPPER.createObjectNode();
        String kind;
        switch (given.get(0)) {
            case "command" -> {
                kind = TaskTypes.CMD;
                String command = Fields.requiredText(root, "command");
                int bytes = command.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > TaskService.MAX_COMMAND_BYTES) {
                    throw new OrreryException(ErrorCode.COMMAND_TOO_LARGE, "command is " + bytes + " bytes; at most "
                            + TaskService.MAX_COMMAND_BYTES + " bytes are accepted");
                }
                if (command.isBlank()) {
                    throw Fields.invalid("command is empty");
                }
                spec.put("command", expand.apply(command));
            }
            case "store" -> {
                kind = TaskTypes.STORE;
                JsonNode store = root.get("store");
                if (!store.isObject()) {
                    throw Fields.invalid("store must be an object {\"content\",\"interpreter\",\"args\"}, not " + Fields.typeOf(store));
                }
                Fields.refuseUnknown(store, STORE_FIELDS, "store.");
                spec.put("content", Fields.requiredText(store, "content"));
                String interpreter = Fields.optionalText(store, "interpreter");
                if (interpreter != null) {
                    spec.put("interpreter", interpreter);
                }
                if (store.hasNonNull("args")) {
                    spec.set("args", store.get("args"));
                }
            }
            default -> {
                kind = TaskTypes.PLUGIN;
                JsonNode plugin = root.get("plugin");
                if (!plugin.isObject()) {
                    throw Fields.invalid("plugin must be an object, not " + Fields.typeOf(plugin));
                }
                spec.setAll((ObjectNode) plugin);
            }
        }
        int timeout = Fields.optionalInt(root, "timeoutSeconds", 0, 0, CmdRequestParser.MAX_TIMEOUT_SECONDS);
        return new CronRequest(Fields.targets(root.get("targets"), maxTargets), schedule, timezone, spread, kind, spec.toString(),
                Fields.optionalText(root, "runAs"), timeout, createdBy, scope);
    }
}
