package dev.orrery.tls;

import java.util.Locale;

/** The role written in a certificate's subject ({@code OU}). */
public enum PeerRole {
    /** An agent: subject CN is its hostId. */
    AGENT,
    /** A channel: subject CN is its channel id. */
    CHANNEL,
    /** The center's link server. */
    CENTER;

    /** @return the OU value of this role */
    public String unit() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id the subject's id (hostId, channel id, or a center name)
     * @return the subject distinguished name of a certificate for this role
     */
    public String subject(String id) {
        return "CN=" + escape(id) + ",OU=" + unit() + ",O=Orrery";
    }

    /**
     * @param unit an OU value
     * @return the role, or {@code null} if it names none
     */
    public static PeerRole ofUnit(String unit) {
        for (PeerRole r : values()) {
            if (r.unit().equals(unit)) {
                return r;
            }
        }
        return null;
    }

    private static String escape(String id) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (",+\"\\<>;=#".indexOf(c) >= 0 || (c == ' ' && (i == 0 || i == id.length() - 1))) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
