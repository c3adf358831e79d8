package dev.latchkey.app.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, as the servlet container sees it. Headers such as
 * X-Forwarded-For are not read here: a proxy is trusted only through Liberty's own remoteIp
 * configuration, which rewrites this value.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
