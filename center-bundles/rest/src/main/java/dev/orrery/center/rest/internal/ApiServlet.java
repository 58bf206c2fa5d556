package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.JsonText;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * The CXF servlet that serves the API's endpoint from its own destination registry. It refuses a
 * request whose {@code Content-Type} names a character set this JVM does not know with 415
 * {@code UNSUPPORTED_MEDIA_TYPE} in the API's error JSON: CXF's HTTP transport checks the charset
 * before any JAX-RS filter runs and would otherwise fail the request with a container error page
 * naming Java exception classes.
 */
final class ApiServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;

    /** @param registry the destinations the endpoint is published to */
    ApiServlet(DestinationRegistry registry) {
        super(registry, false);
    }

    @Override
    protected void invoke(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        String charset = charsetOf(request.getHeader("Content-Type"));
        if (charset != null && !known(charset)) {
            refuse(response, charset);
            return;
        }
        super.invoke(request, response);
    }

    private static void refuse(HttpServletResponse response, String charset) throws ServletException {
        ErrorCode code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
        String shown = charset.length() > 40 ? charset.substring(0, 40) + "…" : charset;
        byte[] body = ("{\"error\":{\"code\":\"" + code.name() + "\",\"layer\":\"" + code.layer().wireName() + "\",\"message\":"
                + JsonText.quote("the Content-Type names the unknown character set " + shown + "; send UTF-8") + "}}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(code.httpStatus());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new ServletException("cannot answer the refusal", e);
        }
    }

    /** @return the {@code charset} parameter of a Content-Type value, unquoted, or {@code null} */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String v = p.substring("charset=".length()).trim();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    /** @return whether the JVM supports the character set (what CXF's transport requires) */
    static boolean known(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
