package dev.orrery.center.market.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.PluginRecord;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.utils.repository.StaxParser;
import org.apache.felix.utils.resource.CapabilitySet;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.junit.jupiter.api.Test;

/** The index, read back by the parser Karaf's features service uses for repository XML (felix-utils StaxParser). */
class RepositoryIndexTest {
    private static final String BASE = "https://center.example:8181/api/v1/market/";

    private static PluginRecord java() {
        Map<String, String> mf = new LinkedHashMap<>();
        mf.put("Bundle-SymbolicName", "dev.example.top;singleton:=true");
        mf.put("Export-Package", "dev.example.top.api;version=\"1.2\";uses:=\"dev.example.top.spi,org.slf4j\","
                + "dev.example.top.spi;version=1.2.0;x-note=\"a,b;c\"");
        mf.put("Import-Package", "org.slf4j;version=\"[1.7,3)\",dev.orrery.agent.api;version=\"(0.3,1.0]\","
                + "javax.annotation;resolution:=optional,dev.example.log;version=2");
        mf.put("Provide-Capability", "osgi.service;objectClass:List<String>=\"dev.orrery.agent.api.Plugin\";"
                + "orrery.plugin.name=top-processes;ranking:Long=5;uses:=\"dev.orrery.agent.api\"");
        mf.put("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\","
                + "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))\"");
        return new PluginRecord("top-processes", "2.0.0.RC1", "java", "Top <10> & \"busiest\" processes\nby CPU", null,
                "dev.example.top", mf, 4321, "ab".repeat(32), "alice", 1);
    }

    private static PluginRecord script(String name, String version) {
        return new PluginRecord(name, version, "script", "Disk usage", "bin/disk-usage.sh", "dev.example.disk",
                Map.of("Bundle-SymbolicName", "dev.example.disk", "Export-Package", "org.slf4j;version=2.0.9"), 99, "cd".repeat(32), "bob", 2);
    }

    private static StaxParser.XmlRepository parse(String xml) throws Exception {
        return StaxParser.parse(URI.create(BASE + "repository.xml"), new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Capability> caps(Resource r, String ns) {
        return r.getCapabilities(ns);
    }

    private static Map<String, Object> attrs(Resource r, String ns, int i) {
        return caps(r, ns).get(i).getAttributes();
    }

    @Test
    void karafReadsResourcesCapabilitiesAndContent() throws Exception {
        String xml = RepositoryIndex.xml(List.of(java(), script("disk usage", "1.0.0")), BASE);
        StaxParser.XmlRepository repo = parse(xml);
        assertEquals("orrery-market", repo.name);
        assertTrue(repo.increment > 0);
        assertEquals(2, repo.resources.size());
        Resource top = repo.resources.get(0);

        Map<String, Object> identity = attrs(top, "osgi.identity", 0);
        assertEquals("dev.example.top", identity.get("osgi.identity"));
        assertEquals("osgi.bundle", identity.get("type"));
        assertEquals(new Version(2, 0, 0, "RC1"), identity.get("version"));
        assertEquals("true", caps(top, "osgi.identity").get(0).getDirectives().get("singleton"));

        Map<String, Object> content = attrs(top, "osgi.content", 0);
        assertEquals("ab".repeat(32), content.get("osgi.content"));
        assertEquals(BASE + "plugins/top-processes/2.0.0.RC1/bundle.jar", content.get("url"));
        assertEquals(4321L, content.get("size"));
        assertEquals("application/vnd.osgi.bundle", content.get("mime"));
        assertEquals(BASE + "plugins/disk%20usage/1.0.0/bundle.jar", attrs(repo.resources.get(1), "osgi.content", 0).get("url"));

        assertEquals("dev.example.top", attrs(top, "osgi.wiring.bundle", 0).get("osgi.wiring.bundle"));
        assertEquals(new Version("2.0.0.RC1"), attrs(top, "osgi.wiring.host", 0).get("bundle-version"));

        List<Capability> exports = caps(top, "osgi.wiring.package");
        assertEquals(2, exports.size());
        assertEquals("dev.example.top.api", exports.get(0).getAttributes().get("osgi.wiring.package"));
        assertEquals(new Version(1, 2, 0), exports.get(0).getAttributes().get("version"));
        assertEquals("dev.example.top", exports.get(0).getAttributes().get("bundle-symbolic-name"));
        assertEquals(new Version("2.0.0.RC1"), exports.get(0).getAttributes().get("bundle-version"));
        assertEquals("dev.example.top.spi,org.slf4j", exports.get(0).getDirectives().get("uses"));
        assertEquals("a,b;c", exports.get(1).getAttributes().get("x-note"));

        Map<String, Object> service = attrs(top, "osgi.service", 0);
        assertEquals(List.of("dev.orrery.agent.api.Plugin"), service.get("objectClass"));
        assertEquals(5L, service.get("ranking"));

        Map<String, Object> plugin = attrs(top, "orrery.plugin", 0);
        assertEquals("top-processes", plugin.get("name"));
        assertEquals("java", plugin.get("kind"));
        assertEquals("Top <10> & \"busiest\" processes\nby CPU", plugin.get("description"));
        assertFalse(plugin.containsKey("entry"));
        assertEquals("bin/disk-usage.sh", attrs(repo.resources.get(1), "orrery.plugin", 0).get("entry"));
    }

    @Test
    void requirementsCarryFiltersAndResolution() throws Exception {
        Resource top = parse(RepositoryIndex.xml(List.of(java()), BASE)).resources.get(0);
        List<Requirement> imports = top.getRequirements("osgi.wiring.package");
        assertEquals(4, imports.size());
        assertEquals("(&(osgi.wiring.package=org.slf4j)(version>=1.7.0)(!(version>=3.0.0)))", imports.get(0).getDirectives().get("filter"));
        assertEquals("(&(osgi.wiring.package=dev.orrery.agent.api)(!(version<=0.3.0))(version<=1.0.0))",
                imports.get(1).getDirectives().get("filter"));
        assertEquals("(osgi.wiring.package=javax.annotation)", imports.get(2).getDirectives().get("filter"));
        assertEquals("optional", imports.get(2).getDirectives().get("resolution"));
        assertEquals("(&(osgi.wiring.package=dev.example.log)(version>=2.0.0))", imports.get(3).getDirectives().get("filter"));

        List<Requirement> declared = top.getRequirements("osgi.extender");
        assertEquals("(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))", declared.get(0).getDirectives().get("filter"));
        assertEquals(1, top.getRequirements("osgi.ee").size());
    }

    @Test
    void filtersMatchTheRightExports() throws Exception {
        StaxParser.XmlRepository repo = parse(RepositoryIndex.xml(List.of(java(), script("disk-usage", "1.0.0")), BASE));
        Requirement slf4j = repo.resources.get(0).getRequirements("osgi.wiring.package").get(0);
        Capability slf4jExport = repo.resources.get(1).getCapabilities("osgi.wiring.package").get(0);
        assertTrue(CapabilitySet.matches(slf4jExport, slf4j), "2.0.9 is in [1.7,3)");
        Capability ownExport = repo.resources.get(0).getCapabilities("osgi.wiring.package").get(0);
        assertFalse(CapabilitySet.matches(ownExport, slf4j));
    }

    @Test
    void oddHeadersStayReadableAndEverythingIsEscaped() throws Exception {
        Map<String, String> mf = Map.of("Bundle-SymbolicName", "x", "Export-Package", "a.b;version=not-a-version;n:Long=12x;t:Frob=1",
                "Provide-Capability", "x.cap;v:List<Version>=\"1.0,2.x\";q=\"<&'\\\">\"");
        PluginRecord odd = new PluginRecord("odd", "1.0.0", "java", "\u0001ctl\ttab", null, "x", mf, 1, "ef".repeat(32), null, 3);
        Resource r = parse(RepositoryIndex.xml(List.of(odd), BASE)).resources.get(0);
        Map<String, Object> export = r.getCapabilities("osgi.wiring.package").get(0).getAttributes();
        assertEquals("not-a-version", export.get("version"));
        assertEquals("12x", export.get("n"));
        assertEquals("1", export.get("t"));
        Map<String, Object> cap = r.getCapabilities("x.cap").get(0).getAttributes();
        assertEquals("1.0,2.x", cap.get("v"));
        assertEquals("<&'\">", cap.get("q"));
        assertEquals("ctl\ttab", r.getCapabilities("orrery.plugin").get(0).getAttributes().get("description"));
    }

    @Test
    void fragmentsAndRequiredBundles() throws Exception {
        Map<String, String> mf = Map.of("Bundle-SymbolicName", "dev.example.frag", "Fragment-Host", "dev.example.host;bundle-version=\"[1,2)\"",
                "Require-Bundle", "dev.example.lib;bundle-version=1.1;resolution:=optional");
        PluginRecord frag = new PluginRecord("frag", "1.0.0", "java", "f", null, "dev.example.frag", mf, 1, "01".repeat(32), null, 3);
        Resource r = parse(RepositoryIndex.xml(List.of(frag), BASE)).resources.get(0);
        assertEquals("osgi.fragment", r.getCapabilities("osgi.identity").get(0).getAttributes().get("type"));
        assertTrue(r.getCapabilities("osgi.wiring.host").isEmpty());
        assertTrue(r.getCapabilities("osgi.wiring.bundle").isEmpty());
        assertEquals("(&(osgi.wiring.host=dev.example.host)(bundle-version>=1.0.0)(!(bundle-version>=2.0.0)))",
                r.getRequirements("osgi.wiring.host").get(0).getDirectives().get("filter"));
        Requirement lib = r.getRequirements("osgi.wiring.bundle").get(0);
        assertEquals("(&(osgi.wiring.bundle=dev.example.lib)(bundle-version>=1.1.0))", lib.getDirectives().get("filter"));
        assertEquals("optional", lib.getDirectives().get("resolution"));
    }

    @Test
    void incrementChangesWithTheSetAndEmptyIndexParses() throws Exception {
        long one = RepositoryIndex.increment(List.of(script("a", "1.0.0")));
        assertEquals(one, RepositoryIndex.increment(List.of(script("a", "1.0.0"))));
        assertNotEquals(one, RepositoryIndex.increment(List.of(script("a", "1.0.0"), script("a", "2.0.0"))));
        assertNotEquals(one, RepositoryIndex.increment(List.of()));
        StaxParser.XmlRepository empty = parse(RepositoryIndex.xml(List.of(), "http://h/market"));
        assertEquals(0, empty.resources.size());
        assertEquals("orrery-market", empty.name);
    }
}
