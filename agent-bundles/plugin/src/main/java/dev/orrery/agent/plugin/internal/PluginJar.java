package dev.orrery.agent.plugin.internal;

import dev.orrery.agent.api.TaskRefused;
import dev.orrery.api.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.osgi.framework.Version;

/**
 * The marketplace headers of a plugin jar, read from its bytes before anything is installed.
 *
 * @param name {@code Orrery-Plugin-Name}
 * @param version {@code Bundle-Version}, normalised ({@code major.minor.micro[.qualifier]})
 * @param kind {@code java} or {@code script}
 * @param entry {@code Orrery-Plugin-Entry} of a script plugin (checked, present in the jar), else {@code null}
 */
record PluginJar(String name, String version, String kind, String entry) {
    /** Header names. */
    static final String NAME = "Orrery-Plugin-Name";
    static final String KIND = "Orrery-Plugin-Kind";
    static final String ENTRY = "Orrery-Plugin-Entry";
    /** A valid plugin name. */
    static final Pattern NAMES = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    /**
     * @param jar the jar's bytes
     * @return its headers
     * @throws TaskRefused {@code BAD_TASK}: not a jar, no manifest, a header missing or invalid, a bad or absent entry
     */
    static PluginJar read(byte[] jar) throws TaskRefused {
        Manifest mf = null;
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (mf == null && "META-INF/MANIFEST.MF".equalsIgnoreCase(e.getName())) {
                    byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES);
                    mf = new Manifest(new ByteArrayInputStream(bytes));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw bad("the plugin is not a readable jar: " + e.getMessage());
        }
        if (mf == null) {
            throw bad("the plugin jar has no META-INF/MANIFEST.MF");
        }
        Attributes a = mf.getMainAttributes();
        String name = header(a, NAME);
        if (!NAMES.matcher(name).matches()) {
            throw bad(NAME + " '" + name + "' is not a valid plugin name");
        }
        if (header(a, "Bundle-SymbolicName").isEmpty()) {
            throw bad("the plugin jar has no Bundle-SymbolicName: not a bundle");
        }
        String version = normalise(header(a, "Bundle-Version"));
        String kind = header(a, KIND);
        if (!kind.equals("java") && !kind.equals("script")) {
            throw bad(KIND + " must be java or script, not '" + kind + "'");
        }
        String entry = null;
        if (kind.equals("script")) {
            entry = header(a, ENTRY);
            if (!safeEntry(entry)) {
                throw bad(ENTRY + " '" + entry + "' must be a relative path inside the jar, without '..'");
            }
            if (!names.contains(entry)) {
                throw bad(ENTRY + " '" + entry + "' is not in the jar");
            }
        }
        return new PluginJar(name, version, kind, entry);
    }

    /**
     * @param entry a jar entry name
     * @return whether it is a plain relative path: not empty, not absolute, no {@code ..} segment, no backslash or NUL
     */
    static boolean safeEntry(String entry) {
        if (entry == null || entry.isBlank() || entry.startsWith("/") || entry.endsWith("/") || entry.indexOf('\\') >= 0
                || entry.indexOf('\0') >= 0 || entry.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : entry.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param version a version text
     * @return it normalised, as the framework reports it
     * @throws TaskRefused {@code BAD_TASK} if it is no OSGi version
     */
    static String normalise(String version) throws TaskRefused {
        try {
            return Version.parseVersion(version.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw bad("'" + version + "' is not an OSGi version");
        }
    }

    /**
     * @param data bytes
     * @return their SHA-256 as lowercase hex
     */
    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String header(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null ? "" : v.trim();
    }

    private static TaskRefused bad(String message) {
        return new TaskRefused(ErrorCode.BAD_TASK, message);
    }
}
