package dev.orrery.bench;

import dev.orrery.bench.api.ApiCommand;
import dev.orrery.bench.baseline.EchoClientsCommand;
import dev.orrery.bench.baseline.EchoServerCommand;
import dev.orrery.bench.fanout.FanoutCommand;
import dev.orrery.bench.signing.SigningCommand;
import dev.orrery.bench.sim.SimulatorCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point of {@code ./orrery bench <command> [options]}: picks the command class by name.
 * {@code sim}, {@code echo-server} and {@code echo-clients} are internal: the driver starts
 * them in child JVMs.
 */
public final class Main {
    /** The commands, by name; a new benchmark adds one line here. */
    static final Map<String, Supplier<Command>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("fanout", FanoutCommand::new);
        COMMANDS.put("api", ApiCommand::new);
        COMMANDS.put("signing", SigningCommand::new);
        COMMANDS.put("sim", SimulatorCommand::new);
        COMMANDS.put("echo-server", EchoServerCommand::new);
        COMMANDS.put("echo-clients", EchoClientsCommand::new);
    }

    private Main() {
    }

    /** @param args the command name, then its options */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            System.err.println("usage: bench <" + String.join("|", COMMANDS.keySet()) + "> [options]"
                    + (args.length == 0 ? "" : "\nunknown command '" + args[0] + "'"));
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return COMMANDS.get(args[0]).get().run(rest, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("bench " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("bench " + args[0] + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
