package dev.orrery.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the bench driver ({@code fanout}, and the internal {@code sim},
 * {@code echo-server}, {@code echo-clients} the driver runs in child JVMs). Adding a benchmark
 * means adding one class and one line in {@link Main}.
 */
public interface Command {
    /**
     * Runs the command to its end on the calling thread.
     *
     * @param args the arguments after the command's name
     * @param out where progress and figures go (standard output when run from the launcher)
     * @return the process exit code: 0 on success
     * @throws Exception on a failure the driver reports and exits non-zero for
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
