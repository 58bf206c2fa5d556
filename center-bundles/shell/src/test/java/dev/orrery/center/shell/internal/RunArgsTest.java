package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class RunArgsTest {

    @Test
    void splitsTargetsFromTheCommandAtTheFirstSeparator() {
        RunArgs r = RunArgs.parse(List.of("web-1", "10.0.0.2", "group:db", "--", "echo", "--", "-n", "x"), null, false);
        assertEquals(List.of("web-1", "10.0.0.2"), r.targets().hosts());
        assertEquals(List.of("db"), r.targets().groups());
        assertEquals("echo -- -n x", r.command());
    }

    @Test
    void groupOptionsAndAConsumedSeparatorMeanEveryWordIsCommand() {
        RunArgs r = RunArgs.parse(List.of("uptime"), List.of("demo"), true);
        assertTrue(r.targets().hosts().isEmpty());
        assertEquals(List.of("demo"), r.targets().groups());
        assertEquals("uptime", r.command());
    }

    @Test
    void refusesMissingSeparatorTargetsOrCommand() {
        assertThrows(IllegalArgumentException.class, () -> RunArgs.parse(List.of("web-1", "uname"), null, false));
        assertThrows(IllegalArgumentException.class, () -> RunArgs.parse(List.of("--", "uname"), null, false));
        assertThrows(IllegalArgumentException.class, () -> RunArgs.parse(List.of("web-1", "--"), null, false));
        assertThrows(IllegalArgumentException.class, () -> RunArgs.parse(List.of("uname"), List.of(), true));
    }

    /** Runs Karaf's own argument parsing over a command line and returns what the command would run. */
    private static RunArgs karafParses(String... words) throws Exception {
        RunCommand command = new RunCommand();
        assertTrue(new DefaultActionPreparator().prepare(command, null, new ArrayList<>(List.of((Object[]) words))));
        return command.parsedArgs();
    }

    @Test
    void karafHandsEverythingAfterTheFirstTargetToTheArgument() throws Exception {
        RunArgs r = karafParses("host1", "host2", "--", "uname", "-a");
        assertEquals(List.of("host1", "host2"), r.targets().hosts());
        assertEquals("uname -a", r.command());
    }

    @Test
    void optionsBeforeTargetsAndASeparatorRightAfterOptionsWork() throws Exception {
        RunArgs r = karafParses("--timeout", "5", "-g", "demo", "--", "ls", "-l", "/tmp");
        assertEquals(List.of("demo"), r.targets().groups());
        assertEquals("ls -l /tmp", r.command());
        RunArgs mixed = karafParses("-u", "nobody", "-g", "web", "group:db", "h1", "--", "id");
        assertEquals(List.of("web", "db"), mixed.targets().groups());
        assertEquals(List.of("h1"), mixed.targets().hosts());
    }

    @Test
    void aMissingSeparatorIsACommandError() {
        assertThrows(CommandException.class, () -> karafParses("host1", "uname"));
    }
}
