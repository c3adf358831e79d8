package it.dev.latchkey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A relying party such as an intranet application would run, built on Nimbus's client side only
 * (discovery, authentication request with PKCE, response parsing with the {@code iss} check, code
 * exchange with client_secret_basic, ID token validation against the JWKS, RP-initiated logout), served
 * by the JDK's own HTTP server inside the test JVM. One person at a time: it keeps one login's state.
 */
final class NimbusRelyingParty implements AutoCloseable {

    static final String CLIENT_ID = "it-rp";
    static final String SECRET = "it-rp-secret-0123456789";

    final String base;
    private final HttpServer server;
    private final OIDCProviderMetadata provider;
    private final URI callback;
    private State state;
    private Nonce nonce;
    private CodeVerifier verifier;
    private JWT idToken;

    NimbusRelyingParty(String issuer, int port) throws Exception {
        this.base = "http://localhost:" + port;
        this.callback = URI.create(base + "/callback");
        // OpenID Connect Discovery, as an RP does at start-up.
        this.provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/login", this::login);
        server.createContext("/callback", this::callback);
        server.createContext("/logout", this::logout);
        server.createContext("/signed-out", exchange -> page(exchange, 200, "Signed out of the intranet."));
        server.start();
    }

    private void login(HttpExchange exchange) throws IOException {
        state = new State();
        nonce = new Nonce();
        verifier = new CodeVerifier();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
                new ClientID(CLIENT_ID), callback)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        redirect(exchange, request.toString());
    }

    private void callback(HttpExchange exchange) throws IOException {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(
                    URI.create(base + exchange.getRequestURI().toString()));
            if (!state.equals(response.getState()) || !provider.getIssuer().equals(response.getIssuer())) {
                page(exchange, 400, "Wrong state or issuer.");
                return;
            }
            if (!response.indicatesSuccess()) {
                page(exchange, 400, "Refused: " + response.toErrorResponse().getErrorObject().getCode());
                return;
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            var tokenResponse = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(CLIENT_ID), new Secret(SECRET)),
                    new AuthorizationCodeGrant(code, callback, verifier)).toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                page(exchange, 400, "Token refused: " + tokenResponse.toErrorResponse().getErrorObject().getCode());
                return;
            }
            idToken = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = new IDTokenValidator(provider.getIssuer(), new ClientID(CLIENT_ID), JWSAlgorithm.ES256,
                    provider.getJWKSetURI().toURL()).validate(idToken, nonce);
            page(exchange, 200, "Signed in as " + claims.getStringClaim("email") + " (amr " + claims.getAMR() + ", acr "
                    + claims.getACR() + ")");
        } catch (Exception e) {
            page(exchange, 500, "Relying party failed: " + e);
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        redirect(exchange, new LogoutRequest(provider.getEndSessionEndpointURI(), idToken, URI.create(base + "/signed-out"),
                new State("bye")).toURI().toString());
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void page(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><html lang=\"en\"><title>Intranet</title><main><p id=\"result\">"
                + text.replace("&", "&amp;").replace("<", "&lt;") + "</p></main></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
