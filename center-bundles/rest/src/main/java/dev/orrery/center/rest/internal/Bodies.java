package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a size limit. */
final class Bodies {
    private Bodies() {
    }

    /**
     * Reads a whole body, refusing it as soon as it passes the limit.
     *
     * @param in the entity stream, may be {@code null}
     * @param declaredLength the Content-Length, or a negative value when unknown
     * @param max largest accepted size in bytes
     * @return the bytes, empty for none
     * @throws OrreryException {@code BODY_TOO_LARGE}, or {@code MALFORMED_JSON} if the body
     *     could not be read completely
     */
    static byte[] read(InputStream in, long declaredLength, int max) {
        if (declaredLength > max) {
            throw tooLarge(max);
        }
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 256), max));
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new OrreryException(ErrorCode.MALFORMED_JSON, "the request body could not be read completely");
        }
        return out.toByteArray();
    }

    private static OrreryException tooLarge(int max) {
        return new OrreryException(ErrorCode.BODY_TOO_LARGE, "the request body is larger than " + max + " bytes");
    }
}
