package dev.orrery.api;

/**
 * Writing JSON text by hand where a bundle has no JSON library (the agent core, small capability
 * bundles): the one place that quotes a string. Stateless.
 */
public final class JsonText {
    private JsonText() {
    }

    /**
     * @param s any text
     * @return it as a JSON string literal, quotes included: {@code "} and {@code \} escaped, control
     *     characters as {@code \}{@code uXXXX}
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
