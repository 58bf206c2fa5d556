package dev.orrery.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orrery.api.HostTaskState;
import dev.orrery.protocol.Message.Ack;
import dev.orrery.protocol.Message.AckKind;
import dev.orrery.protocol.Message.Cancel;
import dev.orrery.protocol.Message.Heartbeat;
import dev.orrery.protocol.Message.Hello;
import dev.orrery.protocol.Message.Redirect;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Report;
import dev.orrery.protocol.Message.Result;
import dev.orrery.protocol.Message.Role;
import dev.orrery.protocol.Message.Task;
import dev.orrery.protocol.Message.Welcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample messages of every type, and a field-by-field comparison that handles byte arrays. */
final class Samples {
    private Samples() {
    }

    /** @return at least one message of every type, with edge values (empty, null, non-ASCII, extremes) */
    static List<Message> all() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", "echo 'héllo wörld' | wc -c");
        params.put("runAs", "root");
        params.put("env.EMPTY", "");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        List<Message> all = new ArrayList<>();
        all.add(new Register("tok-123", "host-1", "web01.example", List.of("10.0.0.1", "fe80::1"), "SN0001", "idc-a",
                List.of("demo", "web"), "0.1.0"));
        all.add(new Register(null, "h", null, List.of(), "", null, List.of(), null));
        all.add(new Welcome("host-1", List.of("127.0.0.1:7710", "10.1.1.1:7710"), 10));
        all.add(new Welcome(null, List.of(), 0));
        all.add(new Welcome("host-1", List.of("127.0.0.1:7710"), 10, binary));
        all.add(new Hello(Role.AGENT, "host-1", "idc-a", "", "0.1.0"));
        all.add(new Hello(Role.CHANNEL, "chan-1:7710", "idc-b", "127.0.0.1:7710", null));
        all.add(new Heartbeat(1_700_000_000_123L));
        all.add(new Heartbeat(Long.MIN_VALUE));
        all.add(new Task("t-1", "host-1", "cmd", params, "#!/bin/sh\necho 日本語\n".getBytes(StandardCharsets.UTF_8), 30));
        all.add(new Task("t-2", "host-2", "file", Map.of(), binary, Integer.MAX_VALUE));
        all.add(new Task("t-3", "host-3", "cmd", Map.of("command", "true"), null, 0));
        all.add(new Task("t-4", "host-4", "cmd", Map.of("command", "true"), null, 5,
                new Task.Seal(30, 1_700_000_000_000L, new byte[32], new byte[33], new byte[64])));
        all.add(new Task("t-5", "host-5", "cmd", Map.of(), null, 5, new Task.Seal(0, Long.MIN_VALUE, null, null, null)));
        for (AckKind kind : AckKind.values()) {
            all.add(new Ack("t-1", "host-1", kind));
        }
        all.add(new Result("t-1", "host-1", HostTaskState.SUCCEEDED, 0, "out\n".getBytes(StandardCharsets.UTF_8),
                new byte[0], false, null, null, 1L, 2L));
        all.add(new Result("t-2", "host-2", HostTaskState.FAILED, -1, binary, "érr".getBytes(StandardCharsets.UTF_8), true,
                "NONZERO_EXIT", "exit code 2 ✗", Long.MAX_VALUE, Long.MIN_VALUE));
        all.add(new Redirect(List.of("127.0.0.2:7710"), "rebalancing"));
        all.add(new Redirect(List.of(), null));
        all.add(new Report("chan-1", List.of("host-1", "host-2"), 7));
        all.add(new Report("chan-1", List.of(), 0));
        all.add(new Cancel("t-1", "host-1"));
        all.add(new Message.Shed(3, List.of(), List.of("127.0.0.2:7710"), "rebalance"));
        all.add(new Message.Shed(0, List.of("host-1", "host-2"), List.of(), null));
        all.add(new Message.Enroll(Message.Role.AGENT, "host-1", "tok", new byte[] {1, 2}));
        all.add(new Message.Enrolled("host-1", new byte[] {3}, new byte[] {4, 5}));
        all.add(new Message.EnrollRefused("ENROLL_REFUSED", "token expired"));
        all.add(new Message.Revocations(true, List.of("host-1"), List.of()));
        all.add(new Message.Revocations(false, List.of(), List.of("host-2")));
        all.add(new Message.Status("host-1", Map.of("hostinfo", "{\"cpu\":{}}", "agent", "{}")));
        all.add(new Message.Records("host-1", List.of(new Message.DataRecord(1, "logs", 5L, "line é".getBytes(StandardCharsets.UTF_8)),
                new Message.DataRecord(2, "orrery.cron.c1", 6L, new byte[0])), 3));
        all.add(new Message.Records("host-2", List.of(), 0));
        all.add(new Message.RecordsAck("host-1", 42));
        return all;
    }

    /** Asserts two messages are equal field by field, byte arrays by content. */
    static void assertSameMessage(Message expected, Message actual) {
        assertEquals(expected.getClass(), actual.getClass(), "message class");
        if (expected instanceof Task e && actual instanceof Task a) {
            assertEquals(e.taskId(), a.taskId());
            assertEquals(e.hostId(), a.hostId());
            assertEquals(e.taskType(), a.taskType());
            assertEquals(e.params(), a.params());
            assertArrayEquals(e.body(), a.body());
            assertEquals(e.timeoutSeconds(), a.timeoutSeconds());
            assertEquals(e.seal() == null, a.seal() == null, "seal present");
            if (e.seal() != null) {
                assertEquals(e.seal().timeoutSeconds(), a.seal().timeoutSeconds());
                assertEquals(e.seal().expiresAt(), a.seal().expiresAt());
                assertArrayEquals(e.seal().root(), a.seal().root());
                assertArrayEquals(e.seal().proof(), a.seal().proof());
                assertArrayEquals(e.seal().signature(), a.seal().signature());
            }
        } else if (expected instanceof Welcome e && actual instanceof Welcome a) {
            assertEquals(e.hostId(), a.hostId());
            assertEquals(e.channels(), a.channels());
            assertEquals(e.heartbeatSeconds(), a.heartbeatSeconds());
            assertArrayEquals(e.taskKey(), a.taskKey());
        } else if (expected instanceof Result e && actual instanceof Result a) {
            assertEquals(e.taskId(), a.taskId());
            assertEquals(e.hostId(), a.hostId());
            assertEquals(e.state(), a.state());
            assertEquals(e.exitCode(), a.exitCode());
            assertArrayEquals(e.stdout(), a.stdout());
            assertArrayEquals(e.stderr(), a.stderr());
            assertEquals(e.truncated(), a.truncated());
            assertEquals(e.errorCode(), a.errorCode());
            assertEquals(e.errorMessage(), a.errorMessage());
            assertEquals(e.startedAt(), a.startedAt());
            assertEquals(e.finishedAt(), a.finishedAt());
        } else if (expected instanceof Message.Enroll e && actual instanceof Message.Enroll a) {
            assertEquals(List.of(e.role(), e.id(), e.token()), List.of(a.role(), a.id(), a.token()));
            assertArrayEquals(e.publicKey(), a.publicKey());
        } else if (expected instanceof Message.Enrolled e && actual instanceof Message.Enrolled a) {
            assertEquals(e.id(), a.id());
            assertArrayEquals(e.certificate(), a.certificate());
            assertArrayEquals(e.caCertificate(), a.caCertificate());
        } else if (expected instanceof Message.Records e && actual instanceof Message.Records a) {
            assertEquals(List.of(e.hostId(), e.dropped(), e.records().size()), List.of(a.hostId(), a.dropped(), a.records().size()));
            for (int i = 0; i < e.records().size(); i++) {
                Message.DataRecord x = e.records().get(i);
                Message.DataRecord y = a.records().get(i);
                assertEquals(List.of(x.seq(), x.topic(), x.at()), List.of(y.seq(), y.topic(), y.at()));
                assertArrayEquals(x.data(), y.data());
            }
        } else {
            // the other records hold no arrays, so record equality compares every field
            assertEquals(expected, actual);
        }
    }
}
