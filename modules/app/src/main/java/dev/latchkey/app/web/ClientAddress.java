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
}
