package dev.orrery.center.store.internal;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.MasterKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The hashes of the audit chain. A record's hash is the hex HMAC-SHA256, under the master key's
 * {@value #PURPOSE} key, of an unambiguous encoding: a version tag, the previous hash, the
 * sequence number and time as 8-byte big-endian numbers, then every text field as a 4-byte
 * length and its UTF-8 bytes, in a fixed order. The head's MAC covers the last sequence number
 * and hash under a different label, so a record hash can never pass for a head MAC. Thread-safe.
 */
final class AuditChain {
    static final String PURPOSE = "audit";
    private static final String RECORD_TAG = "orrery-audit-record-v1";
    private static final String HEAD_TAG = "orrery-audit-head-v1";

    private final MasterKey key;

    AuditChain(MasterKey key) {
        this.key = key;
    }

    /**
     * @param previous the hash of record {@code seq - 1}, empty for the first record
     * @param seq the record's sequence number
     * @param e the entry as stored
     * @return lowercase hex, 64 characters
     */
    String hash(String previous, long seq, AuditEntry e) {
        return mac(out -> {
            writeText(out, RECORD_TAG);
            writeText(out, previous);
            out.writeLong(seq);
            out.writeLong(e.at());
            for (String field : new String[] {e.kind(), e.account(), e.source(), e.action(), e.targets(), e.detail(),
                    e.bodyDigest(), e.outcome()}) {
                writeText(out, field);
            }
        });
    }

    /**
     * @param lastSeq the head's last sequence number
     * @param lastHash the head's last hash
     * @return the head's MAC, lowercase hex
     */
    String headMac(long lastSeq, String lastHash) {
        return mac(out -> {
            writeText(out, HEAD_TAG);
            out.writeLong(lastSeq);
            writeText(out, lastHash);
        });
    }

    private interface Encoding {
        void write(DataOutputStream out) throws IOException;
    }

    private String mac(Encoding encoding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            encoding.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(key.mac(PURPOSE, bytes.toByteArray()));
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
