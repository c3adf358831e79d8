package dev.latchkey.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error responses written without a template: JSON for scripts, a short plain page otherwise. The words come
 * already in the reader's language ({@link Wording}, usually from {@code Views#plainProblem}); the English
 * overload is for the fallbacks that run when the message bundle itself cannot be used.
 * Messages are fixed strings of ours, never echoes of input.
 */
public final class Problems {

    /** The plain page's words: the page's language tag, heading, message and the link back to sign-in. */
    public record Wording(String lang, String heading, String message, String signIn) {
    }

    /** The English chrome, for a message that is English too (a fallback when no bundle could be read). */
    public static Wording english(String message) {
        return new Wording("en", "Something went wrong", message, "Go to sign-in");
    }

    private Problems() {
    }

    /** An English answer: only for fallbacks, where the message bundle cannot be used. */
    public static void send(HttpServletResponse response, int status, String reason, String message,
                            HttpServletRequest request) throws IOException {
        send(response, status, reason, english(message), request);
    }

    public static void send(HttpServletResponse response, int status, String reason, Wording words,
                            HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Language", words.lang());
        if (wantsJson(request)) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(jakarta.json.Json.createObjectBuilder()
                    .add("reason", reason).add("error", words.message()).build().toString());
        } else {
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<!doctype html><html lang=\"" + escape(words.lang()) + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>Latchkey</title><link rel=\"stylesheet\" href=\"/static/css/latchkey.css\"></head>"
                    + "<body><main class=\"card\"><h1>" + escape(words.heading()) + "</h1><p>" + escape(words.message())
                    + "</p><p><a href=\"/signin\">" + escape(words.signIn()) + "</a></p></main></body></html>");
        }
    }

    /** Whether the answer to this request is JSON (the API, or a script asking for it) rather than a page. */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getRequestURI().startsWith("/api/") || (accept != null && accept.contains("application/json"));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
