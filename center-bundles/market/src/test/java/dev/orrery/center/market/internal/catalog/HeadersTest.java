package dev.orrery.center.market.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orrery.center.market.internal.catalog.Headers.Attr;
import dev.orrery.center.market.internal.catalog.Headers.Clause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {
    @Test
    void parsesPathsTypedAttributesDirectivesAndQuotes() {
        List<Clause> clauses = Headers.parse("a.b;c.d;version=\"[1,2)\";uses:=\"x,y\", e;n:Long=5;s=\"q\\\"uote;,\" ,, ");
        assertEquals(2, clauses.size());
        assertEquals(List.of("a.b", "c.d"), clauses.get(0).paths());
        assertEquals(Map.of("version", new Attr("String", "[1,2)")), clauses.get(0).attributes());
        assertEquals(Map.of("uses", "x,y"), clauses.get(0).directives());
        assertEquals(List.of("e"), clauses.get(1).paths());
        assertEquals(new Attr("Long", "5"), clauses.get(1).attributes().get("n"));
        assertEquals("q\"uote;,", clauses.get(1).attribute("s"));
        assertNull(clauses.get(1).attribute("missing"));
        assertEquals(List.of(), Headers.parse(null));
        assertEquals(List.of(), Headers.parse("  "));
    }

    @Test
    void filterDirectivesKeepTheirEqualsSigns() {
        Clause c = Headers.parse("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\";effective:=active").get(0);
        assertEquals("(&(osgi.ee=JavaSE)(version=17))", c.directives().get("filter"));
        assertEquals("active", c.directives().get("effective"));
    }

    @Test
    void versionsAndRanges() {
        assertEquals("1.0.0", Versions.normalise("1"));
        assertEquals("1.2.0", Versions.normalise("1.2"));
        assertEquals("1.2.3.q-1_x", Versions.normalise(" 1.2.3.q-1_x "));
        assertNull(Versions.normalise("1.2.3.4.5"));
        assertNull(Versions.normalise("-1"));
        assertNull(Versions.normalise(""));
        assertEquals(new Versions.Range("1.0.0", true, "2.0.0", false), Versions.range("[1,2)"));
        assertEquals(new Versions.Range("1.0.0", false, "2.0.0", true), Versions.range("(1.0,2.0]"));
        assertEquals(new Versions.Range("1.5.0", true, null, false), Versions.range("1.5"));
        assertNull(Versions.range("[1,2"));
        assertNull(Versions.range("[x,2)"));
        assertEquals(List.of("(bundle-version>=1.0.0)", "(bundle-version<=2.0.0)"), Filters.range("bundle-version", "[1,2]"));
        assertEquals("(a=x\\(1\\)\\*\\\\)", Filters.eq("a", "x(1)*\\"));
    }
}
