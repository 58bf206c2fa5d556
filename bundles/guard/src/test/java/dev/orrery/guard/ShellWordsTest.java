package dev.orrery.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets of the program words: command mapping replaces exactly these spans. */
class ShellWordsTest {
    /** @return "text@start" of each program word, checking that text is the span of the line */
    private static List<String> words(String line) {
        return ShellWords.programs(line).stream().map(w -> {
            assertEquals(line.substring(w.start(), w.end()), w.text(), line);
            return w.text() + "@" + w.start();
        }).toList();
    }

    @Test
    void simpleCommandsAndOperators() {
        assertEquals(List.of("ls@0"), words("ls -la"));
        assertEquals(List.of("ls@0", "wc@5", "echo@14", "uptime@24", "date@32", "sleep@39"),
                words("ls | wc -l && echo a || uptime; date & sleep 1"));
        assertEquals(List.of("ls@0", "pwd@3"), words("ls\npwd"));
    }

    @Test
    void assignmentsAreSkipped() {
        assertEquals(List.of("make@8"), words("A=1 B=2 make all"));
        assertEquals(List.of(), words("A=1"));
    }

    @Test
    void groupsAndSubstitutions() {
        assertEquals(List.of("ls@1", "pwd@8"), words("(ls); { pwd; }"));
        assertEquals(List.of("echo@0", "date@7", "hostname@18"), words("echo $(date +%s) `hostname`"));
        assertEquals(List.of("echo@0", "cat@7", "ls@13"), words("echo $(cat $(ls))"));
        assertEquals(List.of("echo@0", "uname@8"), words("echo \"$(uname -r)\""));
        assertEquals(List.of("diff@0", "ls@7", "ls@15"), words("diff <(ls a) <(ls b)"));
    }

    @Test
    void wrappersReportTheWrappedProgram() {
        assertEquals(List.of("sudo@0", "rm@10"), words("sudo -u x rm -f a"));
        assertEquals(List.of("env@0", "ls@11"), words("env -i A=1 ls"));
        assertEquals(List.of("nohup@0", "nice@6", "timeout@16", "stdbuf@32", "ls@43"),
                words("nohup nice -n 5 timeout -s 9 10 stdbuf -oL ls"));
        assertEquals(List.of("exec@0", "command@5", "time@13", "setsid@18", "ionice@25", "ls@37"),
                words("exec command time setsid ionice -c 3 ls"));
        assertEquals(List.of("chroot@0", "ls@12"), words("chroot /mnt ls"));
        assertEquals(List.of("find@0", "xargs@9", "grep@18"), words("find . | xargs -0 grep x"));
        assertEquals(List.of("find@0", "rm@13"), words("find . -exec rm {} \\;"));
        assertEquals(List.of("command@0"), words("command -v ls"));
    }

    @Test
    void quotedAndPathWordsAsWritten() {
        assertEquals(List.of("'ls'@0"), words("'ls' -l"));
        assertEquals(List.of("\"/bin/ls\"@0"), words("\"/bin/ls\" -l"));
        assertEquals(List.of("\\rm@0"), words("\\rm x"));
        assertEquals(List.of("$CMD@0"), words("$CMD arg"));
        assertEquals(List.of("./run.sh@0"), words("./run.sh"));
    }

    @Test
    void shellTextIsReportedInPlace() {
        assertEquals(List.of("sh@0", "reboot@7", "ls@15"), words("sh -c 'reboot; ls'"));
        assertEquals(List.of("bash@0", "echo@9", "uptime@21"), words("bash -c \"echo \\\"x\\\"; uptime\""));
        assertEquals(List.of("eval@0", "ls@5"), words("eval ls -l"));
        assertEquals(List.of("sudo@0", "sh@5", "id@12"), words("sudo sh -c 'id'"));
        assertEquals(List.of("cat@0", "sh@12", "whoami@15"), words("cat <<EOF | sh\nwhoami\nEOF"));
    }

    @Test
    void aProgramWordHoldingASubstitutionNestsItsPrograms() {
        assertEquals(List.of("$(which ls)@0", "which@2"), words("$(which ls) -l"));
        assertEquals(List.of("bash@0", "$(echo ls)@9", "echo@11"), words("bash -c \"$(echo ls)\""));
        assertEquals(List.of("eval@0", "$CMD@6"), words("eval \"$CMD\" ls"));
    }

    @Test
    void reservedWordsAreNotPrograms() {
        assertEquals(List.of("true@3", "ls@14", "echo@39"),
                words("if true; then ls; fi; for i in a b; do echo $i; done"));
        assertEquals(List.of("ls@16", "pwd@24"), words("case $x in a|b) ls;; *) pwd;; esac"));
        assertEquals(List.of("g@6"), words("f() { g; }"));
    }

    @Test
    void unparseableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShellWords.programs("echo 'x"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.programs("echo $(ls"));
    }
}
