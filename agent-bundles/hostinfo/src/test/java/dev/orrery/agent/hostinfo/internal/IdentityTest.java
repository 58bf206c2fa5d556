package dev.orrery.agent.hostinfo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private HostProbe probe(Path kernel, Path etc, Path dmi, Path machineId, List<String> ips) {
        return new HostProbe(kernel, etc, dmi, machineId, () -> ips);
    }

    @Test
    void defaultsComeFromTheMachine() throws IOException {
        HostProbe p = probe(file("kernel", "web-01\n"), file("etc", "other\n"), file("dmi", "SN12345\n"),
                file("mid", "abcdef\n"), List.of("10.0.0.5", "192.168.1.9"));
        Identity id = Identity.resolve(Overrides.none(), p);
        assertEquals("web-01", id.hostId());
        assertEquals("web-01", id.hostname());
        assertEquals(List.of("10.0.0.5", "192.168.1.9"), id.ips());
        assertEquals("SN12345", id.sn());
        assertEquals("default", id.idc());
        assertEquals(List.of(), id.groups());
    }

    @Test
    void hostnameFallsBackToEtcHostname() throws IOException {
        HostProbe p = probe(dir.resolve("missing"), file("etc", "  db-7 \n"), null, null, List.of());
        assertEquals("db-7", p.hostname());
    }

    @Test
    void placeholderDmiSerialFallsBackToMachineId() throws IOException {
        HostProbe p = probe(file("k", "h"), null, file("dmi", "To Be Filled By O.E.M.\n"), file("mid", "0123abcd\n"), List.of());
        assertEquals("0123abcd", Identity.resolve(Overrides.none(), p).sn());
    }

    @Test
    void serialFallsBackToHostnameWhenNothingIsReadable() throws IOException {
        HostProbe p = probe(file("k", "lonely"), null, dir.resolve("no-dmi"), dir.resolve("no-mid"), List.of());
        assertEquals("lonely", Identity.resolve(Overrides.none(), p).sn());
    }

    @Test
    void genericHostnameUsesTheSerialAsHostId() throws IOException {
        HostProbe p = probe(file("k", "localhost.localdomain"), null, null, file("mid", "feedbeef"), List.of());
        Identity id = Identity.resolve(Overrides.none(), p);
        assertEquals("feedbeef", id.hostId());
        assertEquals("localhost.localdomain", id.hostname());
    }

    @Test
    void noAddressMeansLoopback() throws IOException {
        HostProbe p = probe(file("k", "h"), null, null, null, List.of());
        assertEquals(List.of("127.0.0.1"), Identity.resolve(Overrides.none(), p).ips());
    }

    @Test
    void overridesWinOverEveryProbedValue() throws IOException {
        HostProbe p = probe(file("k", "real"), null, file("dmi", "REALSN"), null, List.of("10.1.1.1"));
        Overrides o = new Overrides("agent-2", "fake-2", List.of("127.0.0.2", "::1"), "SN-2", "idc-east",
                List.of("demo", "web"));
        Identity id = Identity.resolve(o, p);
        assertEquals(new Identity("agent-2", "fake-2", List.of("127.0.0.2", "::1"), "SN-2", "idc-east",
                List.of("demo", "web")), id);
    }

    @Test
    void partialOverrideKeepsTheRestProbed() throws IOException {
        HostProbe p = probe(file("k", "real"), null, file("dmi", "REALSN"), null, List.of("10.1.1.1"));
        Overrides o = new Overrides("", "", List.of(), "", "dc1", List.of("demo"));
        Identity id = Identity.resolve(o, p);
        assertEquals("real", id.hostId());
        assertEquals("REALSN", id.sn());
        assertEquals("dc1", id.idc());
        assertEquals(List.of("demo"), id.groups());
    }

    @Test
    void hostIdOverrideAloneLetsTwoAgentsShareAMachine() throws IOException {
        HostProbe p = probe(file("k", "box"), null, null, null, List.of("10.1.1.1"));
        Identity a = Identity.resolve(new Overrides("box-a", "", List.of(), "", "default", List.of()), p);
        Identity b = Identity.resolve(new Overrides("box-b", "", List.of(), "", "default", List.of()), p);
        assertEquals("box", a.hostname());
        assertEquals("box-b", b.hostId());
    }
}
