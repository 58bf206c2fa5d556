package dev.orrery.center.market.internal.catalog;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.PluginRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Validates an uploaded plugin bundle and describes it. A plugin is a jar with a valid OSGi manifest
 * ({@code Bundle-ManifestVersion: 2}, {@code Bundle-SymbolicName}, {@code Bundle-Version}) and the headers
 * {@code Orrery-Plugin-Name}, {@code Orrery-Plugin-Kind} ({@code java} | {@code script}),
 * {@code Orrery-Plugin-Description} and, for scripts, {@code Orrery-Plugin-Entry} (a file in the jar). Entry
 * names must be safe to extract; the jar's entry count and uncompressed size are bounded. How a java plugin
 * registers its service (DS, activator, …) is not checked here: the agent verifies it at install.
 */
public final class PluginInspector {
    /** Plugin names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Longest description. */
    public static final int MAX_DESCRIPTION = 1024;
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private PluginInspector() {
    }

    /**
     * @param jar the uploaded bytes
     * @param maxBytes the size limit
     * @param uploadedBy who uploads it
     * @param now epoch ms
     * @return the plugin version it is (version normalised to {@code major.minor.micro[.qualifier]}, every main
     *     manifest attribute kept, SHA-256 as lowercase hex)
     * @throws OrreryException {@code CONTENT_TOO_LARGE} over {@code maxBytes}; {@code PLUGIN_INVALID} with the reason
     */
    public static PluginRecord inspect(byte[] jar, long maxBytes, String uploadedBy, long now) {
        if (jar == null || jar.length == 0) {
            throw JarScan.invalid("empty upload, expected a jar");
        }
        if (jar.length > maxBytes) {
            throw new OrreryException(ErrorCode.CONTENT_TOO_LARGE, "the plugin is " + jar.length + " bytes, more than the limit of "
                    + maxBytes + " bytes");
        }
        JarScan scan = JarScan.of(jar, maxBytes);
        if (scan.manifest() == null) {
            throw JarScan.invalid("no " + JarScan.MANIFEST);
        }
        Map<String, String> manifest = mainAttributes(scan.manifest());
        String manifestVersion = manifest.get("Bundle-ManifestVersion");
        if (manifestVersion == null || !manifestVersion.strip().equals("2")) {
            throw JarScan.invalid("Bundle-ManifestVersion must be 2 (an OSGi R4+ bundle), found " + shown(manifestVersion));
        }
        String symbolicName = symbolicName(manifest.get("Bundle-SymbolicName"));
        String rawVersion = manifest.get("Bundle-Version");
        if (rawVersion == null || rawVersion.isBlank()) {
            throw JarScan.invalid("Bundle-Version missing");
        }
        String version = Versions.normalise(rawVersion);
        if (version == null) {
            throw JarScan.invalid("Bundle-Version " + shown(rawVersion) + " is not a valid OSGi version (major.minor.micro.qualifier)");
        }
        String name = manifest.get("Orrery-Plugin-Name");
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw JarScan.invalid("Orrery-Plugin-Name " + (name == null ? "missing" : shown(name) + " does not match " + NAME.pattern()));
        }
        String kind = manifest.get("Orrery-Plugin-Kind");
        if (kind == null || !List.of("java", "script").contains(kind.strip())) {
            throw JarScan.invalid("Orrery-Plugin-Kind must be java or script, found " + shown(kind));
        }
        String description = manifest.get("Orrery-Plugin-Description");
        if (description == null || description.isBlank()) {
            throw JarScan.invalid("Orrery-Plugin-Description missing or blank");
        }
        if (description.strip().length() > MAX_DESCRIPTION) {
            throw JarScan.invalid("Orrery-Plugin-Description longer than " + MAX_DESCRIPTION + " characters");
        }
        String entry = kind.strip().equals("script") ? entry(manifest.get("Orrery-Plugin-Entry"), scan) : null;
        return new PluginRecord(name.strip(), version, kind.strip(), description.strip(), entry, symbolicName, manifest, jar.length,
                sha256(jar), uploadedBy, now);
    }

    private static String symbolicName(String header) {
        List<Headers.Clause> clauses = Headers.parse(header);
        if (clauses.isEmpty() || clauses.get(0).paths().isEmpty()) {
            throw JarScan.invalid("Bundle-SymbolicName missing");
        }
        String bsn = clauses.get(0).paths().get(0);
        if (clauses.size() > 1 || clauses.get(0).paths().size() > 1 || !SYMBOLIC_NAME.matcher(bsn).matches()) {
            throw JarScan.invalid("Bundle-SymbolicName " + shown(header) + " is not a valid symbolic name");
        }
        return bsn;
    }

    private static String entry(String header, JarScan scan) {
        if (header == null || header.isBlank()) {
            throw JarScan.invalid("a script plugin needs Orrery-Plugin-Entry (the path of its script in the jar)");
        }
        String entry = header.strip();
        if (entry.indexOf('\\') >= 0) {
            throw JarScan.invalid("Orrery-Plugin-Entry " + shown(entry) + " contains a backslash; use /");
        }
        String unsafe = JarScan.unsafe(entry);
        if (unsafe != null) {
            throw JarScan.invalid("Orrery-Plugin-Entry " + shown(entry) + " is unsafe: " + unsafe);
        }
        if (!scan.hasFile(entry)) {
            throw JarScan.invalid("Orrery-Plugin-Entry " + shown(entry) + " is not a file in the jar");
        }
        return entry;
    }

    private static Map<String, String> mainAttributes(byte[] bytes) {
        Manifest mf;
        try {
            mf = new Manifest(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw JarScan.invalid(JarScan.MANIFEST + " cannot be read: " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // header names are case-insensitive
        for (Map.Entry<Object, Object> e : mf.getMainAttributes().entrySet()) {
            out.put(((Attributes.Name) e.getKey()).toString(), String.valueOf(e.getValue()));
        }
        return out;
    }

    /** @return lowercase hex SHA-256 of {@code bytes} */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String shown(String value) {
        return value == null ? "nothing" : JarScan.quote(value.strip());
    }
}
