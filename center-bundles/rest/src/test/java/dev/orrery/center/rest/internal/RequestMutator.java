package dev.orrery.center.rest.internal;

import dev.orrery.api.ApiSignature;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Mutates request paths and adds random headers, for {@link RestFuzzTest}. */
final class RequestMutator {
    private RequestMutator() {
    }

    /**
     * @param random the seeded source
     * @param path a valid path
     * @return it with up to three odd pieces inserted
     */
    static String path(Random random, String path) {
        List<String> bits = List.of("%", "%00", "%2e%2e", "..", "//", ";x=1", "%C3%A9", "%FF", "?", "&&", "=", "%2F", "~", "\\", "a", "9",
                "/..", "?limit=-1", "?offset=99999999999999999999", "?state=", "%20", "|", "'", "<", "{", "}");
        StringBuilder s = new StringBuilder(path);
        for (int n = random.nextInt(4); n > 0; n--) {
            s.insert(1 + random.nextInt(s.length()), bits.get(random.nextInt(bits.size())));
        }
        return s.toString();
    }

    /**
     * @param random the seeded source
     * @return zero to three header lines, each starting with CRLF
     */
    static String headers(Random random) {
        StringBuilder h = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            switch (random.nextInt(6)) {
                case 0 -> h.append("\r\n").append(ApiSignature.HEADER_SIGNATURE).append(": ").append(UUID.randomUUID());
                case 1 -> h.append("\r\n").append(ApiSignature.HEADER_TIMESTAMP).append(": ").append(random.nextLong());
                case 2 -> h.append("\r\n").append(ApiSignature.HEADER_KEY).append(": ").append(random.nextBoolean() ? "k1" : "x\u00e9y");
                case 3 -> h.append("\r\nAccept: ").append(random.nextBoolean() ? "text/xml" : "*/*;q=0");
                case 4 -> h.append("\r\nX-").append(Integer.toHexString(random.nextInt())).append(": ").append(printable(random, 200));
                default -> h.append("\r\nContent-Type: ").append(random.nextBoolean() ? "text/plain" : "application/json; charset=utf-16");
            }
        }
        return h.toString();
    }

    private static String printable(Random random, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(max); n > 0; n--) {
            s.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return s.toString();
    }

}
