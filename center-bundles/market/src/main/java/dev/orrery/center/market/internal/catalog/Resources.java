package dev.orrery.center.market.internal.catalog;

import dev.orrery.center.market.internal.catalog.Headers.Attr;
import dev.orrery.center.market.internal.catalog.Headers.Clause;
import dev.orrery.center.store.PluginRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The capabilities and requirements of one plugin bundle, from its manifest, as the R5 repository index lists them. */
final class Resources {
    /** Attributes of Import-Package / Require-Bundle / Fragment-Host that become range terms, not equality terms. */
    private static final Set<String> RANGES = Set.of("version", "specification-version", "bundle-version");

    /**
     * One capability or requirement.
     *
     * @param requirement whether it is a requirement
     * @param namespace its namespace
     * @param attributes typed attributes
     * @param directives directives
     */
    record Item(boolean requirement, String namespace, Map<String, Attr> attributes, Map<String, String> directives) {
    }

    private Resources() {
    }

    /**
     * @param p a plugin version
     * @param baseUri the market base URI, ending in {@code /}
     * @return its capabilities, then its requirements
     */
    static List<Item> of(PluginRecord p, String baseUri) {
        Map<String, String> mf = p.manifest();
        String bsn = p.symbolicName();
        String version = p.version();
        Clause bsnClause = first(mf.get("Bundle-SymbolicName"));
        Clause host = first(mf.get("Fragment-Host"));
        List<Item> out = new ArrayList<>();

        Item identity = cap("osgi.identity", "osgi.identity", str(bsn), "type", str(host == null ? "osgi.bundle" : "osgi.fragment"),
                "version", ver(version));
        copyDirective(bsnClause, "singleton", identity);
        out.add(identity);
        String url = baseUri + "plugins/" + segment(p.name()) + "/" + segment(version) + "/bundle.jar";
        out.add(cap("osgi.content", "osgi.content", str(p.sha256()), "url", str(url), "size", new Attr("Long", Long.toString(p.size())),
                "mime", str("application/vnd.osgi.bundle")));
        if (host == null) {
            out.add(cap("osgi.wiring.bundle", "osgi.wiring.bundle", str(bsn), "bundle-version", ver(version)));
            out.add(cap("osgi.wiring.host", "osgi.wiring.host", str(bsn), "bundle-version", ver(version)));
        }
        for (Clause c : Headers.parse(mf.get("Export-Package"))) {
            for (String pkg : c.paths()) {
                String v = c.attribute("version") != null ? c.attribute("version") : c.attribute("specification-version");
                Item export = cap("osgi.wiring.package", "osgi.wiring.package", str(pkg), "version", ver(v == null ? "0.0.0" : v),
                        "bundle-symbolic-name", str(bsn), "bundle-version", ver(version));
                c.attributes().forEach((k, a) -> export.attributes().putIfAbsent(k, a));
                export.attributes().remove("specification-version");
                export.directives().putAll(c.directives());
                out.add(export);
            }
        }
        for (Clause c : Headers.parse(mf.get("Provide-Capability"))) {
            for (String ns : c.paths()) {
                out.add(new Item(false, ns, new LinkedHashMap<>(c.attributes()), new LinkedHashMap<>(c.directives())));
            }
        }
        Item plugin = cap("orrery.plugin", "orrery.plugin", str(p.name()), "name", str(p.name()), "version", ver(version),
                "kind", str(p.kind()), "description", str(p.description()));
        if (p.entry() != null) {
            plugin.attributes().put("entry", str(p.entry()));
        }
        out.add(plugin);

        requirements(out, "osgi.wiring.package", "Import-Package", "version", mf);
        requirements(out, "osgi.wiring.bundle", "Require-Bundle", "bundle-version", mf);
        if (host != null) {
            requirements(out, "osgi.wiring.host", "Fragment-Host", "bundle-version", mf);
        }
        for (Clause c : Headers.parse(mf.get("Require-Capability"))) {
            for (String ns : c.paths()) {
                out.add(new Item(true, ns, new LinkedHashMap<>(c.attributes()), new LinkedHashMap<>(c.directives())));
            }
        }
        return out;
    }

    private static void requirements(List<Item> out, String namespace, String header, String rangeAttribute, Map<String, String> mf) {
        for (Clause c : Headers.parse(mf.get(header))) {
            for (String path : c.paths()) {
                List<String> terms = new ArrayList<>();
                terms.add(Filters.eq(namespace, path));
                String range = c.attribute(rangeAttribute);
                if (range == null && rangeAttribute.equals("version")) {
                    range = c.attribute("specification-version");
                }
                terms.addAll(Filters.range(rangeAttribute, range));
                if (!rangeAttribute.equals("bundle-version")) {
                    terms.addAll(Filters.range("bundle-version", c.attribute("bundle-version")));
                }
                c.attributes().forEach((k, a) -> {
                    if (!RANGES.contains(k)) {
                        terms.add(Filters.eq(k, a.value()));
                    }
                });
                Item req = new Item(true, namespace, new LinkedHashMap<>(), new LinkedHashMap<>());
                req.directives().put("filter", Filters.and(terms));
                copyDirective(c, "resolution", req);
                out.add(req);
            }
        }
    }

    private static void copyDirective(Clause from, String name, Item to) {
        if (from != null && from.directives().containsKey(name)) {
            to.directives().put(name, from.directives().get(name));
        }
    }

    private static Clause first(String header) {
        List<Clause> clauses = Headers.parse(header);
        return clauses.isEmpty() ? null : clauses.get(0);
    }

    private static Item cap(String namespace, Object... pairs) {
        Map<String, Attr> attributes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            attributes.put((String) pairs[i], (Attr) pairs[i + 1]);
        }
        return new Item(false, namespace, attributes, new LinkedHashMap<>());
    }

    private static Attr str(String value) {
        return new Attr("String", value == null ? "" : value);
    }

    private static Attr ver(String value) {
        return new Attr("Version", value);
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
