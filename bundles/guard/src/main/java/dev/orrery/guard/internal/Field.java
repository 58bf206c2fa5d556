package dev.orrery.guard.internal;

/**
 * One argument after expansion.
 *
 * @param marked the text with {@link Marks}
 * @param encoded whether an unknown part came out of a decoder (base64 -d, xxd -r, printf escapes...)
 */
record Field(String marked, boolean encoded) {
    /** @return the text for humans and extra rules */
    String plain() {
        return Marks.plain(marked);
    }

    /** @return the value when fully known, else null */
    String known() {
        return Marks.known(marked);
    }
}
