package dev.latchkey.app.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from: the one every abuse limit, sign-in code cap, shared-network
 * range and the development outbox's loopback check uses, so that all of them agree.
 *
 * <p>Forwarding headers (X-Forwarded-For, Forwarded) are never read here. Liberty's
 * {@code <remoteIp>} on the HTTP endpoint rewrites {@link HttpServletRequest#getRemoteAddr()} from
 * them only when the connection comes from a proxy that {@code latchkey.trusted.proxies} names;
 * by default none is trusted, so a client cannot pick its own address by sending the header.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    /** Whether the request comes from this machine (127.0.0.0/8 or ::1), as the development outbox demands. */
    public static boolean loopback(HttpServletRequest request) {
        return loopback(of(request));
    }

    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // Only literal addresses reach here (the container's remote address); no DNS lookup happens.
            return (address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':'))
                    && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
