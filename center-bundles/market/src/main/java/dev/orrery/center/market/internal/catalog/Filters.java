package dev.orrery.center.market.internal.catalog;

import java.util.ArrayList;
import java.util.List;

/** LDAP filter terms (RFC 1960, as OSGi uses them) for requirements built from manifest headers. */
final class Filters {

    private Filters() {
    }

    /** @return {@code (attribute=value)} with the value escaped */
    static String eq(String attribute, String value) {
        return "(" + attribute + "=" + escape(value) + ")";
    }

    /**
     * @param attribute the version attribute ({@code version}, {@code bundle-version})
     * @param range a version range or bare version, {@code null} for any
     * @return the terms that bound the attribute: {@code (v>=floor)} or {@code (!(v<=floor))}, then
     *     {@code (!(v>=ceiling))} or {@code (v<=ceiling)}; none for {@code null} or an invalid range
     */
    static List<String> range(String attribute, String range) {
        List<String> terms = new ArrayList<>();
        Versions.Range r = Versions.range(range);
        if (r == null) {
            return terms;
        }
        terms.add(r.floorIncluded() ? "(" + attribute + ">=" + r.floor() + ")" : "(!(" + attribute + "<=" + r.floor() + "))");
        if (r.ceiling() != null) {
            terms.add(r.ceilingIncluded() ? "(" + attribute + "<=" + r.ceiling() + ")" : "(!(" + attribute + ">=" + r.ceiling() + "))");
        }
        return terms;
    }

    /** @return the single term, or {@code (&…)} of all */
    static String and(List<String> terms) {
        return terms.size() == 1 ? terms.get(0) : "(&" + String.join("", terms) + ")";
    }

    /** @return {@code value} with {@code \ ( ) *} escaped by a backslash */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            if (ch == '\\' || ch == '(' || ch == ')' || ch == '*') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }
}
