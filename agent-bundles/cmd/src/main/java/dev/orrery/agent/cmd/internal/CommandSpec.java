package dev.orrery.agent.cmd.internal;

import dev.orrery.agent.api.TaskRefused;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a task asks to run, read from its parameters: {@code command} (for {@code cmd}), or a
 * program's argv given by another capability ({@code store}), plus {@code runAs}, {@code cwd} and
 * {@code env.NAME=value} for each extra environment variable.
 *
 * @param command the shell command line ({@code cmd}), or the text the guard vets for a program
 *     (empty: none)
 * @param program the argv run as is; empty means {@code <shell> -c command}
 * @param runAs user to run as, empty for the agent's own user
 * @param cwd working directory, empty for the default (the user's home)
 * @param env extra environment variables
 */
record CommandSpec(String command, List<String> program, String runAs, String cwd, Map<String, String> env) {
    /** Prefix of the parameters carrying environment variables. */
    static final String ENV_PREFIX = "env.";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\\$?");

    CommandSpec {
        program = List.copyOf(program);
        env = Map.copyOf(env);
    }

    /**
     * @param req a {@code cmd} task
     * @return the spec
     * @throws TaskRefused {@code BAD_TASK} without a command or with a bad variable,
     *     {@code RUN_AS_FAILED} for a malformed user name
     */
    static CommandSpec parse(TaskRequest req) throws TaskRefused {
        String command = req.params().get("command");
        if (command == null || command.isBlank()) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'command' is required");
        }
        if (command.indexOf('\0') >= 0) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "parameter 'command' contains a NUL character");
        }
        return of(command, List.of(), req);
    }

    /**
     * @param argv the program and its arguments, not empty
     * @param guarded the text the guard vets, or {@code null}
     * @param req the task whose {@code runAs}, {@code cwd} and {@code env.*} apply
     * @return the spec
     * @throws TaskRefused {@code BAD_TASK} for an empty argv, a NUL or a bad variable, {@code RUN_AS_FAILED}
     */
    static CommandSpec program(List<String> argv, String guarded, TaskRequest req) throws TaskRefused {
        if (argv == null || argv.isEmpty() || argv.stream().anyMatch(a -> a == null || a.indexOf('\0') >= 0)) {
            throw new TaskRefused(ErrorCode.BAD_TASK, "the program to run is empty or contains a NUL character");
        }
        return of(guarded == null ? "" : guarded, argv, req);
    }

    private static CommandSpec of(String command, List<String> program, TaskRequest req) throws TaskRefused {
        String runAs = req.param("runAs", "").trim();
        if (!runAs.isEmpty() && !USER_NAME.matcher(runAs).matches()) {
            throw new TaskRefused(ErrorCode.RUN_AS_FAILED, "runAs: '" + runAs + "' is not a valid user name");
        }
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, String> e : req.params().entrySet()) {
            if (e.getKey().startsWith(ENV_PREFIX)) {
                String name = e.getKey().substring(ENV_PREFIX.length());
                String value = e.getValue() == null ? "" : e.getValue();
                if (!ENV_NAME.matcher(name).matches() || value.indexOf('\0') >= 0) {
                    throw new TaskRefused(ErrorCode.BAD_TASK, "invalid environment variable '" + e.getKey() + "'");
                }
                env.put(name, value);
            }
        }
        return new CommandSpec(command, program, runAs, req.param("cwd", "").trim(), env);
    }
}
