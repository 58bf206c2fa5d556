package dev.orrery.center.market.internal.catalog;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads every entry of an uploaded jar once, inflating it against a budget: refuses unsafe names (zip slip),
 * duplicates, too many entries and too much uncompressed data (zip bomb), and keeps the manifest's bytes.
 *
 * @param names every entry name
 * @param manifest the bytes of {@code META-INF/MANIFEST.MF}, {@code null} if absent
 */
record JarScan(Set<String> names, byte[] manifest) {
    /** Most entries a plugin jar may hold. */
    static final int MAX_ENTRIES = 10_000;
    /** Uncompressed total allowed, as a multiple of the upload size limit. */
    static final int INFLATE_FACTOR = 8;
    static final String MANIFEST = "META-INF/MANIFEST.MF";

    /**
     * @param jar the bytes
     * @param maxBytes the upload size limit
     * @return what the jar holds
     * @throws OrreryException {@code PLUGIN_INVALID} with the reason
     */
    static JarScan of(byte[] jar, long maxBytes) {
        long budget = Math.multiplyExact(Math.max(0, maxBytes), INFLATE_FACTOR);
        Set<String> names = new HashSet<>();
        byte[] manifest = null;
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                String unsafe = unsafe(name);
                if (unsafe != null) {
                    throw invalid("unsafe entry name " + quote(name) + ": " + unsafe);
                }
                if (!names.add(name)) {
                    throw invalid("duplicate entry " + quote(name));
                }
                if (names.size() > MAX_ENTRIES) {
                    throw invalid("more than " + MAX_ENTRIES + " entries");
                }
                boolean isManifest = name.equalsIgnoreCase(MANIFEST);
                ByteArrayOutputStream kept = isManifest ? new ByteArrayOutputStream() : null;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > budget) {
                        throw invalid("uncompressed content over " + budget + " bytes (" + INFLATE_FACTOR + " x the size limit)");
                    }
                    if (kept != null) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (kept != null) {
                    manifest = kept.toByteArray();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("not a valid zip/jar: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw invalid("not a zip/jar (no entries)");
        }
        List<String> central = CentralDirectory.names(jar);
        if (central.size() != names.size() || !names.containsAll(central)) {
            throw invalid("the zip's central directory and its entries disagree (" + central.size() + " and " + names.size()
                    + " entries)");
        }
        return new JarScan(Set.copyOf(names), manifest);
    }

    /**
     * @param name an entry name or path
     * @return why it is unsafe to extract ({@code ..} segment, absolute), or {@code null} when safe
     */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "absolute";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "absolute (drive letter)";
        }
        if (name.indexOf('\0') >= 0) {
            return "NUL character";
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return "'..' segment";
            }
        }
        return null;
    }

    /** @return the name quoted for a message, control characters shown as {@code ?}, cut at 200 characters */
    static String quote(String name) {
        String shown = name.length() > 200 ? name.substring(0, 200) + "…" : name;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    static OrreryException invalid(String reason) {
        return new OrreryException(ErrorCode.PLUGIN_INVALID, "invalid plugin: " + reason);
    }

    /** @return whether the jar holds {@code path} as a file (not a directory entry) */
    boolean hasFile(String path) {
        return !path.endsWith("/") && names.contains(path);
    }
}
