package dev.latchkey.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error responses written without a template: JSON for scripts, a short plain page otherwise.
 * Messages are fixed strings of ours, never echoes of input.
 */
public final class Problems {

    private Problems() {
    }

    public static void send(HttpServletResponse response, int status, String reason, String message,
                            HttpServletRequest request) throws IOException {
        response.setStatus(status);
        if (wantsJson(request)) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(jakarta.json.Json.createObjectBuilder()
                    .add("reason", reason).add("error", message).build().toString());
        } else {
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>Latchkey</title><link rel=\"stylesheet\" href=\"/static/css/latchkey.css\"></head>"
                    + "<body><main class=\"card\"><h1>Something went wrong</h1><p>" + escape(message)
                    + "</p><p><a href=\"/signin\">Go to sign-in</a></p></main></body></html>");
        }
    }

    /** Whether the answer to this request is JSON (the API, or a script asking for it) rather than a page. */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getRequestURI().startsWith("/api/") || (accept != null && accept.contains("application/json"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
