package dev.orrery.center.market.internal.catalog;

import dev.orrery.center.market.internal.catalog.Headers.Attr;
import dev.orrery.center.store.PluginRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OSGi R5 repository index ({@code http://www.osgi.org/xmlns/repository/v1.0.0}) of the marketplace: one
 * {@code <resource>} per plugin version with its identity, content (SHA-256, size, absolute URL), bundle, host,
 * package and declared capabilities, its package, bundle and declared requirements, and an {@code orrery.plugin}
 * capability (name, version, kind, description, entry). Attribute types a reader would refuse (an unknown type,
 * a {@code Version} that does not parse, …) are written as {@code String}, so one odd header never makes the whole
 * index unreadable. {@code increment} is derived from the listed versions and their digests: it changes whenever
 * the set changes (Karaf compares it for equality to reuse a cached index).
 */
public final class RepositoryIndex {
    /** The R5 repository XML namespace. */
    public static final String NAMESPACE = "http://www.osgi.org/xmlns/repository/v1.0.0";
    /** The repository name. */
    public static final String NAME = "orrery-market";
    private static final Set<String> SCALARS = Set.of("String", "Version", "Long", "Double");

    private RepositoryIndex() {
    }

    /**
     * @param plugins the plugin versions to list, in this order
     * @param baseUri the absolute URI bundle URLs are relative to ({@code plugins/NAME/VERSION/bundle.jar}); a missing
     *     trailing {@code /} is added
     * @return the XML document (UTF-8)
     */
    public static String xml(List<PluginRecord> plugins, String baseUri) {
        String base = baseUri.endsWith("/") ? baseUri : baseUri + "/";
        StringBuilder x = new StringBuilder(1024 + plugins.size() * 2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<repository xmlns=\"").append(NAMESPACE).append("\" name=\"").append(NAME)
                .append("\" increment=\"").append(increment(plugins)).append("\">\n");
        for (PluginRecord p : plugins) {
            x.append("  <resource>\n");
            for (Resources.Item item : Resources.of(p, base)) {
                String tag = item.requirement() ? "requirement" : "capability";
                x.append("    <").append(tag).append(" namespace=\"").append(escape(item.namespace())).append("\">\n");
                for (Map.Entry<String, String> d : item.directives().entrySet()) {
                    x.append("      <directive name=\"").append(escape(d.getKey())).append("\" value=\"")
                            .append(escape(d.getValue())).append("\"/>\n");
                }
                for (Map.Entry<String, Attr> a : item.attributes().entrySet()) {
                    Attr typed = typed(a.getValue());
                    x.append("      <attribute name=\"").append(escape(a.getKey())).append('"');
                    if (!typed.type().equals("String")) {
                        x.append(" type=\"").append(escape(typed.type())).append('"');
                    }
                    x.append(" value=\"").append(escape(typed.value())).append("\"/>\n");
                }
                x.append("    </").append(tag).append(">\n");
            }
            x.append("  </resource>\n");
        }
        return x.append("</repository>\n").toString();
    }

    /** @return a non-negative number that changes whenever the listed versions or their digests change */
    static long increment(List<PluginRecord> plugins) {
        StringBuilder b = new StringBuilder();
        plugins.forEach(p -> b.append(p.name()).append(' ').append(p.version()).append(' ').append(p.sha256()).append('\n'));
        byte[] digest = HexFormat.of().parseHex(PluginInspector.sha256(b.toString().getBytes(StandardCharsets.UTF_8)));
        return ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
    }

    /** @return the attribute with a type readers accept and a value that parses as that type, else as a String */
    static Attr typed(Attr a) {
        String type = a.type().strip();
        String value = a.value();
        if (type.equals("List")) {
            type = "List<String>";
        }
        if (type.startsWith("List<") && type.endsWith(">")) {
            String element = type.substring(5, type.length() - 1).strip();
            if (!SCALARS.contains(element)) {
                return new Attr("String", value);
            }
            StringBuilder out = new StringBuilder();
            for (String v : value.split(",")) {
                String parsed = scalar(element, v.strip());
                if (parsed == null) {
                    return new Attr("String", value);
                }
                out.append(out.length() == 0 ? "" : ",").append(parsed);
            }
            return new Attr("List<" + element + ">", out.toString());
        }
        String parsed = SCALARS.contains(type) ? scalar(type, value) : null;
        return parsed == null ? new Attr("String", value) : new Attr(type, parsed);
    }

    private static String scalar(String type, String value) {
        try {
            return switch (type) {
                case "Version" -> Versions.normalise(value);
                case "Long" -> Long.toString(Long.parseLong(value.strip()));
                case "Double" -> Double.toString(Double.parseDouble(value.strip()));
                default -> value;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return {@code s} escaped for an XML attribute value; characters XML 1.0 cannot carry are dropped */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\t' -> b.append("&#9;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF) {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
