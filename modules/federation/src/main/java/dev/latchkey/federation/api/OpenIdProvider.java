package dev.latchkey.federation.api;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The OpenID Connect provider, one method per endpoint: the web layer hands over what the request
 * carried and maps the answer, nothing more. Every rule of the protocol (OpenID Connect Core 1.0,
 * RFC 6749, RFC 7636, RFC 9207) is enforced here, in one transaction per call.
 */
public interface OpenIdProvider {

    /** {@code /.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §4). */
    String discovery();

    /** {@code /oidc/jwks}: the public signing keys, the current ones and those still overlapping. */
    String jwks();

    /**
     * {@code /oidc/authorize} (Core §3.1.2): the raw query string and the browser's session, if any.
     * An unknown client or an unregistered redirect URI is refused with a page, never a redirect
     * (Core §3.1.2.6; RFC 6749 §4.1.2.1).
     */
    BrowserStep authorize(String query, Optional<UUID> sessionId);

    /** {@code /oidc/authorize/continue?id=...}: back from Latchkey's sign-in page with a pending request. */
    BrowserStep resume(String requestId, Optional<UUID> sessionId);

    /** {@code /oidc/token} (Core §3.1.3): the form body and the Authorization header, if any. */
    ProtocolAnswer token(String formBody, Optional<String> contentType, Optional<String> authorization);

    /**
     * {@code /oidc/revoke} (RFC 7009) for confidential clients: ends one of the client's own access or
     * refresh tokens (a refresh token with its whole family).
     */
    ProtocolAnswer revoke(String formBody, Optional<String> contentType, Optional<String> authorization);

    /** {@code /oidc/introspect} (RFC 7662) for confidential clients: whether one of its access tokens is active. */
    ProtocolAnswer introspect(String formBody, Optional<String> contentType, Optional<String> authorization);

    /** {@code /oidc/userinfo} (Core §5.3): the Authorization header carrying the access token. */
    ProtocolAnswer userInfo(Optional<String> authorization);

    /**
     * {@code /oidc/logout} (RP-Initiated Logout 1.0): ends the browser's session when the
     * {@code id_token_hint} names its account, then returns to a registered
     * {@code post_logout_redirect_uri}; otherwise nothing changes.
     *
     * @param sessionToken the browser's session cookie, if any
     */
    BrowserStep logout(String query, Optional<String> sessionToken);

    /** Where the browser goes next. */
    sealed interface BrowserStep {
    }

    /** A redirect: to the client's redirect URI, or to Latchkey's sign-in page. */
    record Redirect(String location) implements BrowserStep {
    }

    /**
     * A page that says why, never a redirect (the redirect target cannot be trusted). The page words the
     * reason in the reader's language ({@code oidc.refused.<reason>}); {@link Reason#english} is for logs and
     * for an answer when the message files cannot be used.
     */
    record Refused(int status, Reason reason) implements BrowserStep {
    }

    /** Why a browser's authorization or sign-out request was refused. */
    enum Reason {
        INVALID_SIGN_IN_LINK("This sign-in link is not valid. Go back to the application and start again."),
        EXPIRED_SIGN_IN_REQUEST("This sign-in request has expired. Go back to the application and start again."),
        UNKNOWN_CLIENT("The application that sent you here is not registered with Latchkey, so we cannot sign you in to it."),
        UNREGISTERED_REDIRECT("The application that sent you here asked to return to an address it has not registered."
                + " We did not sign you in to it."),
        INVALID_SIGN_OUT_LINK("This sign-out link is not valid. You are still signed in."),
        SIGN_OUT_WITHOUT_HINT("This sign-out link does not say which sign-in to end. To sign out, use the"
                + " application's sign-out button, or Latchkey's own."),
        UNREGISTERED_SIGN_OUT_REDIRECT("The application asked to return to an address it has not registered. You are"
                + " still signed in.");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        /** The reason in English, as the page says it to an English reader. */
        public String english() {
            return english;
        }
    }

    /** A JSON answer for a client's back-channel call, with the headers the protocol asks for. */
    record ProtocolAnswer(int status, String contentType, String body, Map<String, String> headers) {
    }
}
