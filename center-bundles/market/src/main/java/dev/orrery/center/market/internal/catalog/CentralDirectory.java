package dev.orrery.center.market.internal.catalog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names of a zip's central directory: what {@code java.util.zip.ZipFile} and the OSGi framework see,
 * while {@link JarScan} streams the local entries. A jar whose two views disagree (an entry hidden from one of
 * them) is refused.
 */
final class CentralDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int ENTRY_SIZE = 46;

    private CentralDirectory() {
    }

    /**
     * @param zip the bytes
     * @return the entry names in directory order
     * @throws dev.orrery.api.OrreryException {@code PLUGIN_INVALID} when the directory is missing, truncated or zip64
     */
    static List<String> names(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = zip.length - END_SIZE; i >= Math.max(0, zip.length - END_SIZE - 0xFFFF); i--) {
            if (b.getInt(i) == END_SIGNATURE) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw JarScan.invalid("not a valid zip/jar: no central directory");
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        long offset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
            throw JarScan.invalid("zip64 archives are not supported");
        }
        List<String> names = new ArrayList<>(Math.min(count, JarScan.MAX_ENTRIES + 1));
        long at = offset;
        for (int n = 0; n < count; n++) {
            if (at + ENTRY_SIZE > end || b.getInt((int) at) != ENTRY_SIGNATURE) {
                throw JarScan.invalid("not a valid zip/jar: central directory entry " + n + " is damaged");
            }
            int nameLength = Short.toUnsignedInt(b.getShort((int) at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort((int) at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort((int) at + 32));
            if (at + ENTRY_SIZE + nameLength > end) {
                throw JarScan.invalid("not a valid zip/jar: central directory entry " + n + " is truncated");
            }
            // decoded as ZipInputStream decodes them by default
            names.add(new String(zip, (int) at + ENTRY_SIZE, nameLength, StandardCharsets.UTF_8));
            at += ENTRY_SIZE + nameLength + extraLength + commentLength;
            if (names.size() > JarScan.MAX_ENTRIES) {
                break;
            }
        }
        return names;
    }
}
