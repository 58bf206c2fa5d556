package dev.orrery.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and hostile text: the guard always answers, quickly, and never throws. */
class GuardRobustnessTest {
    private static final String ALPHABET = "abrmf -/*?{},;&|()<>$`'\"\\\n\t=~#![]:01xe";
    private static final String[] TOKENS = {"rm", "-rf", "/", "$(", ")", "`", "'", "\"", "{", "}", "(", ")", ";",
        "|", "&&", "sh -c", "eval", "base64 -d", "echo", "<<EOF\n", "EOF", "${x:?}", "$((", "))", "case", "in", "esac",
        "for", "do", "done", "if", "then", "fi", "[[", "]]", "sudo", "xargs", "find", "-exec", "\\;", "f()", " "};

    @Test
    void randomTextNeverThrows() {
        Guard guard = Guard.withDefaults();
        Random r = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3_000; i++) {
                StringBuilder b = new StringBuilder();
                int n = r.nextInt(40);
                for (int k = 0; k < n; k++) {
                    if (r.nextBoolean()) {
                        b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    } else {
                        b.append(TOKENS[r.nextInt(TOKENS.length)]).append(' ');
                    }
                }
                String line = b.toString();
                Verdict v = guard.check(line);
                assertNotNull(v, line);
                try {
                    List<ProgramWord> words = ShellWords.programs(line);
                    words.forEach(w -> assertEquals(line.substring(w.start(), w.end()), w.text()));
                    for (int p = 0; p < words.size(); p++) {
                        for (int q = p + 1; q < words.size(); q++) {
                            ProgramWord x = words.get(p);
                            ProgramWord y = words.get(q);
                            assertTrue(y.start() >= x.end() || y.end() <= x.end(), () -> "partial overlap: " + line);
                        }
                    }
                } catch (IllegalArgumentException expected) {
                    assertTrue(v.blocked(), () -> "parsed by the guard but not by ShellWords: " + line);
                }
            }
        });
    }

    @Test
    void hostileSizesAreBounded() {
        Guard guard = Guard.withDefaults();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertEquals("unparseable", guard.check("(".repeat(100_000)).rule());
            assertEquals("unparseable", guard.check("$(".repeat(10_000)).rule());
            assertEquals("unparseable", guard.check(nestedShells(12)).rule());
            guard.check("echo {a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}{s,t}{u,v}{w,x}");
            guard.check("ls; ".repeat(20_000));
            guard.check("x".repeat(1_000_000));
            guard.check("echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo x)))))))))");
        });
    }

    /** sh -c 'sh -c ...' with correct quoting, depth levels deep. */
    private static String nestedShells(int depth) {
        String cmd = "ls";
        for (int i = 0; i < depth; i++) {
            cmd = "sh -c '" + cmd.replace("'", "'\\''") + "'";
        }
        return cmd;
    }
}
