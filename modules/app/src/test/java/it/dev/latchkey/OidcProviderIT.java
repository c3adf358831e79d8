package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenID Connect provider against the running server, as a relying party sees it: every flow and
 * every refusal, with ID tokens verified by Nimbus's own RP-side validator against the published JWKS.
 * The test clients are registered in src/test/resources/oidc-clients.json (the app pom's IT server).
 */
class OidcProviderIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    static final String ISSUER = Browser.BASE_URL;
    static final String CONFIDENTIAL = "it-confidential";
    static final String CONFIDENTIAL_SECRET = "it-confidential-secret-0123456789";
    static final String CONFIDENTIAL_REDIRECT = "http://127.0.0.1/rp/callback";
    static final String PUBLIC = "it-public";
    static final String PUBLIC_REDIRECT = "http://127.0.0.1/spa/callback";
    static final String PHR = "it-phr";
    static final String PHR_SECRET = "it-phr-secret-0123456789";
    static final String PHR_REDIRECT = "http://127.0.0.1/bank/callback";
    static final String PAIRWISE = "it-pairwise";
    static final String PAIRWISE_SECRET = "it-pairwise-secret-0123456789";
    static final String PAIRWISE_REDIRECT = "http://localhost/shop/callback";
    static final String PKJWT = "it-pkjwt";
    static final String PKJWT_REDIRECT = "http://127.0.0.1/pk/callback";
    /** The private half of it-pkjwt's registered key (oidc-clients.json): a test key, used nowhere else. */
    static final String PKJWT_KEY = "{\"kty\":\"EC\",\"d\":\"RFFnIWid4r7LlLbmvXb2m8R5edJAL3GIOGsP0LFKlE4\",\"crv\":\"P-256\","
            + "\"kid\":\"it-pkjwt-1\",\"x\":\"ZXlqGx7-tfT8X4RkXSgB6DHMDwj-uxwClP8v_BxB47Y\","
            + "\"y\":\"kKHSySD2MNay-9Ith1V3L7i63CzQ7CTeN5RZgWhs2A0\"}";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * On a loaded machine the application may still be starting when the tests begin (Liberty reports the
     * server started before the application is), and the first passkey sign-up of a cold server can
     * outlast the test browser's 30 s timeout: wait (at most 5 minutes) for the sign-in page, then one
     * warm-up sign-up keeps that out of the tests' verdicts.
     */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (new Browser().get("/signin").statusCode() == 200) {
                    break;
                }
            } catch (IllegalStateException notYet) {
                // connection refused or timed out: the application is not there yet
            }
            Thread.sleep(2000);
        }
        try {
            signedInWithPasskey("oidc-warmup");
        } catch (RuntimeException | InterruptedException | AssertionError coldServer) {
            // Best effort: the sign-up itself warms the server. Its confirmation mail cannot be read here,
            // since GreenMail starts per test method (after @BeforeAll), so the read fails by design.
            System.err.println("[OidcProviderIT] warm-up sign-up did not finish: " + coldServer);
        }
    }

    // ------------------------------------------------------------------ flows

    @Test
    void discoveryNamesTheEndpointsAndTheJwksHoldsAnEs256AndAnRs256Key() throws Exception {
        HttpResponse<String> response = new Browser().get("/.well-known/openid-configuration");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(response.body()).startsWith("application/json");
        String discovery = response.body();
        Map<String, Object> metadata = com.nimbusds.jose.util.JSONObjectUtils.parse(discovery);
        assertThat(metadata).containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/oidc/authorize")
                .containsEntry("token_endpoint", ISSUER + "/oidc/token")
                .containsEntry("userinfo_endpoint", ISSUER + "/oidc/userinfo")
                .containsEntry("end_session_endpoint", ISSUER + "/oidc/logout")
                .containsEntry("jwks_uri", ISSUER + "/oidc/jwks")
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .containsEntry("backchannel_logout_session_supported", true);
        assertThat(List.copyOf((List<?>) metadata.get("code_challenge_methods_supported")).stream().map(String::valueOf).toList()).containsExactly("S256");
        assertThat(List.copyOf((List<?>) metadata.get("acr_values_supported")).stream().map(String::valueOf).toList()).contains("phr");
        JWKSet keys = jwks();
        assertThat(keys.getKeys()).extracting(k -> k.getAlgorithm().getName()).contains("ES256", "RS256");
        assertThat(keys.getKeys()).allMatch(k -> !k.isPrivate());
    }

    @Test
    void aSignedInPersonGetsACodeAndTheClientVerifiedTokensAndUserinfo() throws Exception {
        String email = Journeys.uniqueEmail("oidc");
        Browser browser = new Browser();
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), email);

        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "state-1", "nonce-1", Map.of());
        assertThat(back).containsEntry("state", "state-1").containsEntry("iss", ISSUER).containsKey("code");

        HttpResponse<String> tokens = token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Map<String, Object> body = com.nimbusds.jose.util.JSONObjectUtils.parse(tokens.body());
        IDTokenClaimsSet claims = verify(CONFIDENTIAL, JWSAlgorithm.ES256, (String) body.get("id_token"), "nonce-1");
        assertThat(claims.getStringClaim("email")).isEqualTo(email);
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getStringClaim("name")).isEqualTo("Test User");
        assertThat(claims.getAuthenticationTime()).isNotNull();
        // Signed up with a passkey: a software key, the person present and verified by the authenticator
        // (RFC 8176: swk, user, mfa), at the phishing-resistant level.
        assertThat(claims.getAMR()).extracting(Object::toString).containsExactly("swk", "user", "mfa");
        assertThat(claims.getACR().getValue()).isEqualTo("phr");

        HttpResponse<String> userInfo = userInfo((String) body.get("access_token"));
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(userInfo.body()).contains("\"email\":\"" + email + "\"").contains("\"sub\":\"" + claims.getSubject().getValue());

        assertThat(Database.count("select count(*) from fed_event where client_id = ? and type in ('CODE_GRANTED', 'TOKENS_ISSUED')"
                + " and account_id = (select id from idn_account where email = ?)", CONFIDENTIAL, email)).isEqualTo(2);
    }

    @Test
    void anAuthenticatorWithoutUserVerificationIsNotClaimedAsMultiFactor() throws Exception {
        // webauthn4j's emulator, unable to verify the person: UV stays clear in the signed authenticator data.
        Authenticator presenceOnly = Authenticator.withoutUserVerification();
        String email = Journeys.uniqueEmail("oidc-no-uv");
        Mailbox.signUpConfirmed(SMTP, new Browser(), presenceOnly, email);
        Browser browser = new Browser();
        signInWithPasskey(browser, presenceOnly);
        assertThat(Database.count("select count(*) from idn_session s join idn_account a on a.id = s.account_id"
                + " where a.email = ? and s.user_verified = false", email)).isGreaterThanOrEqualTo(1);
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "nouv", "n-nouv", Map.of());
        IDTokenClaimsSet claims = verify(CONFIDENTIAL, JWSAlgorithm.ES256,
                idToken(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null)), "n-nouv");
        // A passkey and the person's presence (RFC 8176 swk, user), but not two factors: no mfa. Still phr.
        assertThat(claims.getAMR()).extracting(Object::toString).containsExactly("swk", "user");
        assertThat(claims.getACR().getValue()).isEqualTo("phr");
    }

    @Test
    void aPersonNotSignedInSignsInOnLatchkeysPageWithTheHintPrefilledAndReturnsWithACode() throws Exception {
        String email = Journeys.uniqueEmail("oidc-later");
        Authenticator authenticator = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, new Browser(), authenticator, email);

        Browser browser = new Browser();
        HttpResponse<String> asked = browser.get("/oidc/authorize?" + query(CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "s-2", "n-2",
                Map.of("login_hint", email)));
        assertThat(asked.statusCode()).isEqualTo(302);
        String signIn = local(asked);
        assertThat(signIn).startsWith("/signin?next=%2Foidc%2Fauthorize%2Fcontinue%3Fid%3D");
        String page = browser.get(signIn).body();
        assertThat(page).contains("value=\"" + email + "\"");

        signInWithPasskey(browser, authenticator);
        String next = URLDecoder.decode(signIn.substring("/signin?next=".length()).split("&")[0], StandardCharsets.UTF_8);
        HttpResponse<String> resumed = browser.get(next);
        Map<String, String> back = redirectParams(resumed, CONFIDENTIAL_REDIRECT);
        assertThat(back).containsEntry("state", "s-2").containsKey("code");
        HttpResponse<String> tokens = token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        verify(CONFIDENTIAL, JWSAlgorithm.ES256, idToken(tokens), "n-2");
        // The pending request is single-use.
        assertThat(browser.get(next).statusCode()).isEqualTo(400);
    }

    @Test
    void aPublicClientUsesPkceAndAWrongVerifierIsRefused() throws Exception {
        Browser browser = signedInWithPasskey("oidc-pkce");
        // Without PKCE a public client gets an error at its redirect URI, not a code.
        Map<String, String> refused = authorize(browser, PUBLIC, PUBLIC_REDIRECT, "p-0", "n", Map.of());
        assertThat(refused).containsEntry("error", "invalid_request").containsEntry("state", "p-0").doesNotContainKey("code");

        CodeVerifier verifier = new CodeVerifier();
        Map<String, String> pkce = Map.of("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                "code_challenge_method", "S256");
        Map<String, String> first = authorize(browser, PUBLIC, PUBLIC_REDIRECT, "p-1", "n-p1", pkce);
        HttpResponse<String> wrong = token(PUBLIC, null, first.get("code"), PUBLIC_REDIRECT, new CodeVerifier().getValue());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant");

        Map<String, String> second = authorize(browser, PUBLIC, PUBLIC_REDIRECT, "p-2", "n-p2", pkce);
        HttpResponse<String> right = token(PUBLIC, null, second.get("code"), PUBLIC_REDIRECT, verifier.getValue());
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        verify(PUBLIC, JWSAlgorithm.ES256, idToken(right), "n-p2");
        // "plain" is not accepted (S256 only).
        Map<String, String> plain = authorize(browser, PUBLIC, PUBLIC_REDIRECT, "p-3", "n",
                Map.of("code_challenge", verifier.getValue(), "code_challenge_method", "plain"));
        assertThat(plain).containsEntry("error", "invalid_request");
    }

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsToTheRegisteredAddress() throws Exception {
        Browser browser = signedInWithPasskey("oidc-logout");
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "l", "n-l", Map.of());
        String idToken = idToken(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null));

        HttpResponse<String> unregistered = browser.get("/oidc/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + enc("https://evil.example/") + "&state=x");
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(unregistered.headers().firstValue("Location")).isEmpty();
        assertThat(browser.signedIn()).isTrue();

        HttpResponse<String> noHint = browser.get("/oidc/logout?post_logout_redirect_uri=" + enc("http://127.0.0.1/rp/signed-out"));
        assertThat(noHint.statusCode()).isEqualTo(400);
        assertThat(browser.signedIn()).isTrue();

        HttpResponse<String> out = browser.get("/oidc/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + enc("http://127.0.0.1/rp/signed-out") + "&state=bye");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).isEqualTo("http://127.0.0.1/rp/signed-out?state=bye");
        assertThat(browser.signedIn()).isFalse();
        assertThat(Database.count("select count(*) from fed_event where type = 'LOGGED_OUT' and client_id = ?"
                + " and account_id is not null", CONFIDENTIAL)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void promptLoginAsksForAFreshSignInEvenWithASession() throws Exception {
        Authenticator authenticator = new Authenticator();
        Browser browser = signedInWithPasskey("oidc-prompt", authenticator);
        HttpResponse<String> asked = browser.get("/oidc/authorize?" + query(CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "pl", "n-pl",
                Map.of("prompt", "login")));
        String signIn = local(asked);
        assertThat(signIn).startsWith("/signin?next=").contains("again=login");
        // The sign-in page shows itself although the browser is signed in.
        assertThat(browser.get(signIn).statusCode()).isEqualTo(200);
        String next = URLDecoder.decode(signIn.substring("/signin?next=".length()).split("&")[0], StandardCharsets.UTF_8);
        // Coming back without signing in again does not count.
        assertThat(local(browser.get(next))).startsWith("/signin?next=");
        signInWithPasskey(browser, authenticator);
        Map<String, String> back = redirectParams(browser.get(next), CONFIDENTIAL_REDIRECT);
        assertThat(back).containsEntry("state", "pl").containsKey("code");
    }

    @Test
    void maxAgeZeroNeedsAFreshSignInAndPromptNoneThenSaysLoginRequired() throws Exception {
        Browser browser = signedInWithPasskey("oidc-maxage");
        Thread.sleep(1100);
        Map<String, String> none = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "ma", "n",
                Map.of("max_age", "0", "prompt", "none"));
        assertThat(none).containsEntry("error", "login_required").containsEntry("state", "ma");
        HttpResponse<String> asked = browser.get("/oidc/authorize?" + query(CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "ma2", "n",
                Map.of("max_age", "0")));
        assertThat(local(asked)).startsWith("/signin?next=");
    }

    @Test
    void aRefreshTokenIsRotatedAndAReplayedOneRevokesItsWholeFamily() throws Exception {
        Browser browser = signedInWithPasskey("oidc-refresh");
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "rf", "n-rf", Map.of());
        Map<String, Object> first = json(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null));
        String refresh1 = (String) first.get("refresh_token");
        assertThat(refresh1).isNotBlank();

        HttpResponse<String> refreshed = refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refresh1);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> second = json(refreshed);
        String refresh2 = (String) second.get("refresh_token");
        assertThat(refresh2).isNotBlank().isNotEqualTo(refresh1);
        IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(ISSUER), new ClientID(CONFIDENTIAL), JWSAlgorithm.ES256, jwks())
                .validate(JWTParser.parse((String) second.get("id_token")), null);
        assertThat(claims.getACR().getValue()).isEqualTo("phr");
        String access2 = (String) second.get("access_token");
        assertThat(userInfo(access2).statusCode()).isEqualTo(200);
        // Another client cannot use it.
        assertThat(refresh(PHR, PHR_SECRET, refresh2).body()).contains("invalid_grant");

        // The first token, replayed (as a thief would): refused, and everything of its family ends.
        HttpResponse<String> replayed = refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refresh1);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_grant");
        assertThat(refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refresh2).statusCode()).isEqualTo(400);
        assertThat(userInfo(access2).statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutOfLatchkeyEndsTheRefreshTokensOfThatSignIn() throws Exception {
        Browser browser = signedInWithPasskey("oidc-refresh-out");
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "ro", "n-ro", Map.of());
        String refreshToken = (String) json(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null))
                .get("refresh_token");
        assertThat(browser.postForm("/signout", "").statusCode()).isEqualTo(302);
        HttpResponse<String> refused = refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refreshToken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
        assertThat(Database.count("select count(*) from fed_event where type = 'TOKENS_REVOKED' and reason = 'SIGNED_OUT'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aConfidentialClientIntrospectsAndRevokesItsOwnTokensOnly() throws Exception {
        Browser browser = signedInWithPasskey("oidc-introspect");
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "in", "n-in", Map.of());
        Map<String, Object> tokens = json(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null));
        String access = (String) tokens.get("access_token");

        Map<String, Object> active = json(backChannel("/oidc/introspect", CONFIDENTIAL, CONFIDENTIAL_SECRET, access));
        assertThat(active).containsEntry("active", true).containsEntry("client_id", CONFIDENTIAL)
                .containsEntry("iss", ISSUER).containsKey("sub").containsKey("exp");
        // Another client learns nothing about it, and cannot revoke it.
        assertThat(json(backChannel("/oidc/introspect", PHR, PHR_SECRET, access))).containsEntry("active", false)
                .doesNotContainKey("sub");
        assertThat(backChannel("/oidc/revoke", PHR, PHR_SECRET, access).statusCode()).isEqualTo(200);
        assertThat(userInfo(access).statusCode()).isEqualTo(200);
        // A wrong secret: 401.
        assertThat(backChannel("/oidc/introspect", CONFIDENTIAL, "guessed", access).statusCode()).isEqualTo(401);

        assertThat(backChannel("/oidc/revoke", CONFIDENTIAL, CONFIDENTIAL_SECRET, access).statusCode()).isEqualTo(200);
        assertThat(userInfo(access).statusCode()).isEqualTo(401);
        assertThat(json(backChannel("/oidc/introspect", CONFIDENTIAL, CONFIDENTIAL_SECRET, access))).containsEntry("active", false);
        // Revoking a refresh token ends it for good.
        String refreshToken = (String) tokens.get("refresh_token");
        assertThat(backChannel("/oidc/revoke", CONFIDENTIAL, CONFIDENTIAL_SECRET, refreshToken).statusCode()).isEqualTo(200);
        assertThat(refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refreshToken).statusCode()).isEqualTo(400);
    }

    @Test
    void signingOutSendsALogoutTokenToAClientThatRegisteredABackChannel() throws Exception {
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer portal = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("localhost", Integer.getInteger("latchkey.it.rp.port", 9387)), 0);
        portal.createContext("/backchannel-logout", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        portal.start();
        try {
            Browser browser = signedInWithPasskey("oidc-backchannel");
            Map<String, String> back = authorize(browser, "it-backchannel", "http://127.0.0.1/bc/callback", "bc", "n-bc", Map.of());
            IDTokenClaimsSet id = verify("it-backchannel", JWSAlgorithm.ES256, idToken(token("it-backchannel",
                    "it-backchannel-secret-0123456789", back.get("code"), "http://127.0.0.1/bc/callback", null)), "n-bc");

            assertThat(browser.postForm("/signout", "").statusCode()).isEqualTo(302);
            String form = received.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(form).as("a logout token arrived").isNotNull().startsWith("logout_token=");
            String logoutToken = URLDecoder.decode(form.substring("logout_token=".length()), StandardCharsets.UTF_8);
            var claims = new com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator(new Issuer(ISSUER),
                    new ClientID("it-backchannel"), JWSAlgorithm.ES256, jwks()).validate(JWTParser.parse(logoutToken));
            assertThat(claims.getSubject()).isEqualTo(id.getSubject());
            // The ended session is named by the sid the client's ID token carried.
            assertThat(id.getSessionID()).isNotNull();
            assertThat(claims.getSessionID()).isEqualTo(id.getSessionID());
            // Recorded once the portal answered (just after the token arrived here).
            for (int i = 0; i < 50 && Database.count("select count(*) from fed_event where client_id = 'it-backchannel'"
                    + " and reason = 'backchannel_delivered'") == 0; i++) {
                Thread.sleep(200);
            }
            assertThat(Database.count("select count(*) from fed_event where type = 'LOGGED_OUT' and client_id = 'it-backchannel'"
                    + " and reason = 'backchannel_delivered'")).isEqualTo(1);
        } finally {
            portal.stop(0);
        }
    }

    @Test
    void changingThePasswordEndsEveryRefreshTokenOfTheAccount() throws Exception {
        String email = Journeys.uniqueEmail("oidc-refresh-pwchange");
        Browser browser = new Browser();
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), email);
        assertThat(setPassword(browser, null, "correct horse battery staple 1").statusCode()).isEqualTo(302);
        String refreshToken = refreshTokenFor(browser, "pc");
        assertThat(setPassword(browser, "correct horse battery staple 1", "correct horse battery staple 2").statusCode())
                .isEqualTo(302);
        HttpResponse<String> refused = refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refreshToken);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
        assertThat(revokedFor(email, "PASSWORD_CHANGED")).isOne();
    }

    @Test
    void removingThePasswordEndsEveryRefreshTokenOfTheAccount() throws Exception {
        String email = Journeys.uniqueEmail("oidc-refresh-pwremove");
        Browser browser = new Browser();
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), email);
        assertThat(setPassword(browser, null, "correct horse battery staple 1").statusCode()).isEqualTo(302);
        String refreshToken = refreshTokenFor(browser, "pr");
        // The sign-up's passkey is minutes old: the step-up the removal needs is satisfied.
        HttpResponse<String> removed = browser.postForm("/account/password/remove", "");
        assertThat(removed.headers().firstValue("Location").orElseThrow()).contains("passwordRemoved");
        assertThat(refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refreshToken).statusCode()).isEqualTo(400);
        assertThat(revokedFor(email, "PASSWORD_REMOVED")).isOne();
    }

    @Test
    void removingAPasskeyEndsEveryRefreshTokenOfTheAccount() throws Exception {
        String email = Journeys.uniqueEmail("oidc-refresh-passkey");
        Browser browser = new Browser();
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), email);
        PasskeyManagementIT.addPasskey(browser, new Authenticator());
        String[] ids = PasskeyManagementIT.passkeyIds(browser.get("/account/security").body());
        assertThat(ids).hasSize(2);
        String refreshToken = refreshTokenFor(browser, "pk");
        HttpResponse<String> removed = browser.postForm("/account/passkeys/remove", "passkey=" + ids[1]);
        assertThat(removed.headers().firstValue("Location").orElseThrow()).contains("passkeyRemoved");
        assertThat(refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, refreshToken).statusCode()).isEqualTo(400);
        assertThat(revokedFor(email, "PASSKEY_REMOVED")).isOne();
    }

    private static HttpResponse<String> setPassword(Browser browser, String current, String next) {
        return browser.postForm("/account/password",
                (current == null ? "" : "currentPassword=" + enc(current) + "&") + "newPassword=" + enc(next));
    }

    /** A code for the confidential client, exchanged: its refresh token, which works until revoked. */
    private static String refreshTokenFor(Browser browser, String state) throws Exception {
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, state, "n-" + state, Map.of());
        String refreshToken = (String) json(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT,
                null)).get("refresh_token");
        assertThat(refreshToken).isNotBlank();
        return refreshToken;
    }

    /** TOKENS_REVOKED events for the account with this reason. */
    private static long revokedFor(String email, String reason) {
        return Database.count("select count(*) from fed_event where type = 'TOKENS_REVOKED' and reason = ?"
                + " and account_id = (select id from idn_account where email = ?)", reason, email);
    }

    @Test
    void signingOutEverywhereElseEndsTheOtherSessionsRefreshTokensAndKeepsThisOnes() throws Exception {
        Authenticator authenticator = new Authenticator();
        String email = Journeys.uniqueEmail("oidc-elsewhere");
        Browser laptop = new Browser();
        Mailbox.signUpConfirmed(SMTP, laptop, authenticator, email);
        Browser phone = new Browser();
        signInWithPasskey(phone, authenticator);
        String phoneRefresh = refreshTokenFor(phone, "else-phone");
        String laptopRefresh = refreshTokenFor(laptop, "else-laptop");
        // Two sign-ins, two sids: the same client cannot mistake one session for the other.
        assertThat(sidOf(phone, "sid-phone")).isNotEqualTo(sidOf(laptop, "sid-laptop"));

        assertThat(laptop.postForm("/account/sessions/others", "").statusCode()).isEqualTo(302);
        assertThat(phone.signedIn()).isFalse();
        HttpResponse<String> refused = refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, phoneRefresh);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
        assertThat(revokedFor(email, "SIGNED_OUT_ELSEWHERE")).isOne();
        // This browser's sign-in still vouches for its own tokens.
        assertThat(refresh(CONFIDENTIAL, CONFIDENTIAL_SECRET, laptopRefresh).statusCode()).isEqualTo(200);
    }

    /** The sid of an ID token issued to the confidential client for this browser's session. */
    private static String sidOf(Browser browser, String state) throws Exception {
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, state, "n-" + state, Map.of());
        IDTokenClaimsSet claims = verify(CONFIDENTIAL, JWSAlgorithm.ES256,
                idToken(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null)), "n-" + state);
        assertThat(claims.getSessionID()).isNotNull();
        return claims.getSessionID().getValue();
    }

    @Test
    void aPublicClientGetsNoRefreshToken() throws Exception {
        Browser browser = signedInWithPasskey("oidc-public-refresh");
        CodeVerifier verifier = new CodeVerifier();
        Map<String, String> back = authorize(browser, PUBLIC, PUBLIC_REDIRECT, "pr", "n-pr", Map.of(
                "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                "code_challenge_method", "S256"));
        Map<String, Object> tokens = json(token(PUBLIC, null, back.get("code"), PUBLIC_REDIRECT, verifier.getValue()));
        assertThat(tokens).containsKey("access_token").doesNotContainKey("refresh_token");
    }

    // ------------------------------------------------------------------ private_key_jwt (RFC 7523, Core §9)

    @Test
    void aClientSignedAssertionAuthenticatesTheClientAndIsAdvertised() throws Exception {
        Map<String, Object> metadata = com.nimbusds.jose.util.JSONObjectUtils.parse(new Browser().get("/.well-known/openid-configuration").body());
        assertThat(((List<?>) metadata.get("token_endpoint_auth_methods_supported")).stream().map(String::valueOf).toList())
                .contains("private_key_jwt", "client_secret_basic");
        assertThat(((List<?>) metadata.get("token_endpoint_auth_signing_alg_values_supported")).stream().map(String::valueOf).toList())
                .contains("ES256").doesNotContain("HS256", "none");

        Browser browser = signedInWithPasskey("oidc-pkjwt");
        Map<String, String> back = authorize(browser, PKJWT, PKJWT_REDIRECT, "pk", "n-pk", Map.of());
        String assertion = assertion(com.nimbusds.jose.jwk.ECKey.parse(PKJWT_KEY), ISSUER + "/oidc/token",
                java.time.Instant.now().plusSeconds(120), java.util.UUID.randomUUID().toString());
        HttpResponse<String> tokens = tokenWithAssertion(back.get("code"), assertion);
        IDTokenClaimsSet claims = verify(PKJWT, JWSAlgorithm.ES256, idToken(tokens), "n-pk");
        assertThat(claims.getAudience()).extracting(Object::toString).containsExactly(PKJWT);
        // A confidential client: it gets a refresh token.
        assertThat(json(tokens)).containsKey("refresh_token");
        // The issuer is an accepted audience too (RFC 7523 §3, OAuth 2.0 Security BCP).
        Map<String, String> again = authorize(browser, PKJWT, PKJWT_REDIRECT, "pk2", "n-pk2", Map.of());
        assertThat(tokenWithAssertion(again.get("code"), assertion(com.nimbusds.jose.jwk.ECKey.parse(PKJWT_KEY), ISSUER,
                java.time.Instant.now().plusSeconds(120), java.util.UUID.randomUUID().toString())).statusCode()).isEqualTo(200);
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefusedAndTheCodeStaysUsable() throws Exception {
        Browser browser = signedInWithPasskey("oidc-pkjwt-key");
        Map<String, String> back = authorize(browser, PKJWT, PKJWT_REDIRECT, "pw", "n-pw", Map.of());
        // Same kid, another key: what an attacker who knows the client_id could make.
        com.nimbusds.jose.jwk.ECKey forged = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID("it-pkjwt-1").generate();
        HttpResponse<String> refused = tokenWithAssertion(back.get("code"), assertion(forged, ISSUER + "/oidc/token",
                java.time.Instant.now().plusSeconds(120), java.util.UUID.randomUUID().toString()));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_client");
        // Nor may the client fall back to a secret it never registered.
        assertThat(token(PKJWT, "guessed-secret", back.get("code"), PKJWT_REDIRECT, null).statusCode()).isEqualTo(401);
        assertThat(Database.count("select count(*) from fed_event where client_id = ? and reason = 'client_assertion_invalid'",
                PKJWT)).isGreaterThanOrEqualTo(1);
        // Nothing was spent: the real client still redeems the code.
        HttpResponse<String> right = tokenWithAssertion(back.get("code"), assertion(com.nimbusds.jose.jwk.ECKey.parse(PKJWT_KEY),
                ISSUER + "/oidc/token", java.time.Instant.now().plusSeconds(120), java.util.UUID.randomUUID().toString()));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    }

    @Test
    void anAssertionIsAcceptedOnceItsJtiReplayedIsRefused() throws Exception {
        Browser browser = signedInWithPasskey("oidc-pkjwt-jti");
        String assertion = assertion(com.nimbusds.jose.jwk.ECKey.parse(PKJWT_KEY), ISSUER + "/oidc/token",
                java.time.Instant.now().plusSeconds(120), java.util.UUID.randomUUID().toString());
        Map<String, String> first = authorize(browser, PKJWT, PKJWT_REDIRECT, "j1", "n-j1", Map.of());
        assertThat(tokenWithAssertion(first.get("code"), assertion).statusCode()).isEqualTo(200);
        // A fresh code, the same (captured) assertion: refused by its jti.
        Map<String, String> second = authorize(browser, PKJWT, PKJWT_REDIRECT, "j2", "n-j2", Map.of());
        HttpResponse<String> replayed = tokenWithAssertion(second.get("code"), assertion);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(401);
        assertThat(replayed.body()).contains("invalid_client");
        assertThat(Database.count("select count(*) from fed_event where client_id = ? and reason = 'client_assertion_replayed'",
                PKJWT)).isGreaterThanOrEqualTo(1);
        // The code itself was not used up by the refused request.
        HttpResponse<String> fresh = tokenWithAssertion(second.get("code"), assertion(com.nimbusds.jose.jwk.ECKey.parse(PKJWT_KEY),
                ISSUER + "/oidc/token", java.time.Instant.now().plusSeconds(120), java.util.UUID.randomUUID().toString()));
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
    }

    @Test
    void anExpiredAssertionOrOneForAnotherAudienceIsRefused() throws Exception {
        Browser browser = signedInWithPasskey("oidc-pkjwt-exp");
        Map<String, String> back = authorize(browser, PKJWT, PKJWT_REDIRECT, "x", "n-x", Map.of());
        com.nimbusds.jose.jwk.ECKey key = com.nimbusds.jose.jwk.ECKey.parse(PKJWT_KEY);
        // Ten minutes past its exp: beyond any clock skew.
        HttpResponse<String> expired = tokenWithAssertion(back.get("code"), assertion(key, ISSUER + "/oidc/token",
                java.time.Instant.now().minusSeconds(600), java.util.UUID.randomUUID().toString()));
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(401);
        assertThat(Database.count("select count(*) from fed_event where client_id = ? and reason = 'client_assertion_expired'",
                PKJWT)).isGreaterThanOrEqualTo(1);
        HttpResponse<String> elsewhere = tokenWithAssertion(back.get("code"), assertion(key, "https://other-provider.example/token",
                java.time.Instant.now().plusSeconds(120), java.util.UUID.randomUUID().toString()));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(401);
    }

    /** A client assertion as RFC 7523 §3 and Core §9 describe it, signed ES256 with Nimbus. */
    static String assertion(com.nimbusds.jose.jwk.ECKey key, String audience, java.time.Instant exp, String jti) throws Exception {
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(PKJWT).subject(PKJWT).audience(audience).jwtID(jti)
                .issueTime(java.util.Date.from(exp.minusSeconds(180))).expirationTime(java.util.Date.from(exp)).build();
        SignedJWT jwt = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                claims);
        jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
        return jwt.serialize();
    }

    static HttpResponse<String> tokenWithAssertion(String code, String assertion) {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(PKJWT_REDIRECT)
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(assertion);
        return send(HttpRequest.newBuilder(URI.create(ISSUER + "/oidc/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    // ------------------------------------------------------------------ pairwise subjects (Core §8.1)

    @Test
    void aPairwiseClientSeesASubjectOfItsOwnStableForThePersonAndAdvertised() throws Exception {
        Map<String, Object> metadata = com.nimbusds.jose.util.JSONObjectUtils.parse(new Browser().get("/.well-known/openid-configuration").body());
        assertThat(((List<?>) metadata.get("subject_types_supported")).stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrder("public", "pairwise");

        String email = Journeys.uniqueEmail("oidc-pairwise");
        Authenticator authenticator = new Authenticator();
        Browser browser = new Browser();
        Mailbox.signUpConfirmed(SMTP, browser, authenticator, email);
        String accountId = Database.string("select cast(id as varchar) from idn_account where email = ?", email);

        IDTokenClaimsSet publicClaims = verify(CONFIDENTIAL, JWSAlgorithm.ES256, idToken(token(CONFIDENTIAL, CONFIDENTIAL_SECRET,
                authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "pub", "n-pub", Map.of()).get("code"),
                CONFIDENTIAL_REDIRECT, null)), "n-pub");
        assertThat(publicClaims.getSubject().getValue()).isEqualTo(accountId);

        Map<String, Object> first = json(token(PAIRWISE, PAIRWISE_SECRET,
                authorize(browser, PAIRWISE, PAIRWISE_REDIRECT, "pw1", "n-pw1", Map.of()).get("code"), PAIRWISE_REDIRECT, null));
        String pairwise = verify(PAIRWISE, JWSAlgorithm.ES256, (String) first.get("id_token"), "n-pw1").getSubject().getValue();
        // Neither the account's id nor anything that contains it.
        assertThat(pairwise).isNotBlank().doesNotContain(accountId);
        // Userinfo and introspection say the same sub as the ID token (Core §5.3.2).
        HttpResponse<String> userInfo = userInfo((String) first.get("access_token"));
        assertThat(json(userInfo)).containsEntry("sub", pairwise);
        assertThat(json(backChannel("/oidc/introspect", PAIRWISE, PAIRWISE_SECRET, (String) first.get("access_token"))))
                .containsEntry("sub", pairwise);

        // A new sign-in of the same person: the same pairwise sub.
        Browser later = new Browser();
        signInWithPasskey(later, authenticator);
        String again = verify(PAIRWISE, JWSAlgorithm.ES256, idToken(token(PAIRWISE, PAIRWISE_SECRET,
                authorize(later, PAIRWISE, PAIRWISE_REDIRECT, "pw2", "n-pw2", Map.of()).get("code"), PAIRWISE_REDIRECT, null)),
                "n-pw2").getSubject().getValue();
        assertThat(again).isEqualTo(pairwise);

        // Another person: another pairwise sub.
        Browser other = signedInWithPasskey("oidc-pairwise-other");
        String theirs = verify(PAIRWISE, JWSAlgorithm.ES256, idToken(token(PAIRWISE, PAIRWISE_SECRET,
                authorize(other, PAIRWISE, PAIRWISE_REDIRECT, "pw3", "n-pw3", Map.of()).get("code"), PAIRWISE_REDIRECT, null)),
                "n-pw3").getSubject().getValue();
        assertThat(theirs).isNotEqualTo(pairwise);
    }

    @Test
    void rpInitiatedLogoutWorksWithAPairwiseSubject() throws Exception {
        Browser browser = signedInWithPasskey("oidc-pairwise-logout");
        String idToken = idToken(token(PAIRWISE, PAIRWISE_SECRET,
                authorize(browser, PAIRWISE, PAIRWISE_REDIRECT, "pl", "n-pl", Map.of()).get("code"), PAIRWISE_REDIRECT, null));
        HttpResponse<String> out = browser.get("/oidc/logout?id_token_hint=" + idToken);
        assertThat(local(out)).isEqualTo("/signin?signedOut");
        assertThat(browser.signedIn()).isFalse();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void anUnregisteredRedirectOrAnUnknownClientGetsAPageNeverARedirect() {
        Browser browser = new Browser();
        for (String query : List.of(
                query(CONFIDENTIAL, "http://127.0.0.1/rp/callback/../evil", "s", "n", Map.of()),
                query(CONFIDENTIAL, "https://evil.example/callback", "s", "n", Map.of()),
                query(CONFIDENTIAL, "http://127.0.0.1/rp/callback?x=1", "s", "n", Map.of()),
                query("no-such-client", CONFIDENTIAL_REDIRECT, "s", "n", Map.of()))) {
            HttpResponse<String> refused = browser.get("/oidc/authorize?" + query);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(query).isEmpty();
            assertThat(refused.body()).contains("not registered");
        }
        assertThat(Database.count("select count(*) from fed_event where type = 'REFUSED' and reason = 'unknown_client'"))
                .isGreaterThanOrEqualTo(1);

        // The refusal pages in the reader's language (issue 14, item 8): German for a German browser.
        HttpResponse<String> german = new Browser().get("/oidc/authorize?" + query("no-such-client", CONFIDENTIAL_REDIRECT,
                "s", "n", Map.of()), "Accept-Language", "de-DE,de;q=0.9");
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.headers().firstValue("Location")).isEmpty();
        assertThat(german.body()).contains("<html lang=\"de\"",
                "Die Anwendung, die Sie hierher geschickt hat, ist bei Latchkey nicht registriert.")
                .doesNotContain("not registered");
        HttpResponse<String> noHint = new Browser().get("/oidc/logout?post_logout_redirect_uri="
                + enc("http://127.0.0.1/rp/signed-out"), "Accept-Language", "de-DE,de;q=0.9");
        assertThat(noHint.statusCode()).isEqualTo(400);
        assertThat(noHint.body()).contains("Dieser Abmeldelink sagt nicht, welche Anmeldung beendet werden soll.")
                .doesNotContain("This sign-out link");
        assertThat(new Browser().get("/oidc/logout?post_logout_redirect_uri=" + enc("http://127.0.0.1/rp/signed-out"))
                .body()).contains("This sign-out link does not say which sign-in to end.");
    }

    @Test
    void aReusedCodeIsRefusedAndRevokesTheTokensIssuedFromIt() throws Exception {
        Browser browser = signedInWithPasskey("oidc-reuse");
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "r", "n-r", Map.of());
        HttpResponse<String> first = token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String accessToken = (String) com.nimbusds.jose.util.JSONObjectUtils.parse(first.body()).get("access_token");
        assertThat(userInfo(accessToken).statusCode()).isEqualTo(200);

        HttpResponse<String> again = token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
        HttpResponse<String> revoked = userInfo(accessToken);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        Browser browser = signedInWithPasskey("oidc-expired");
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "e", "n", Map.of());
        // As if the 60 seconds had passed (LATCHKEY_OIDC_CODE_SECONDS).
        Database.execute("update fed_code set expires_at = current_timestamp - interval '1' second where client_id = ?"
                + " and used_at is null and account_id = (select a.id from idn_account a where a.email like 'oidc-expired-%'"
                + " order by a.created_at desc limit 1)", CONFIDENTIAL);
        HttpResponse<String> refused = token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
        assertThat(Database.count("select count(*) from fed_event where reason = 'code_expired'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWrongClientSecretIsRefusedAndTheCodeStaysUsableByTheRealClient() throws Exception {
        Browser browser = signedInWithPasskey("oidc-secret");
        Map<String, String> back = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "w", "n-w", Map.of());
        HttpResponse<String> wrong = token(CONFIDENTIAL, "guessed-secret", back.get("code"), CONFIDENTIAL_REDIRECT, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_client");
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        // Another registered client cannot redeem it either.
        assertThat(token(PHR, PHR_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null).body()).contains("invalid_grant");
        HttpResponse<String> right = token(CONFIDENTIAL, CONFIDENTIAL_SECRET, back.get("code"), CONFIDENTIAL_REDIRECT, null);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    }

    @Test
    void promptNoneWithoutASessionSaysLoginRequiredAtTheClient() {
        Map<String, String> back = authorize(new Browser(), CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "pn", "n",
                Map.of("prompt", "none"));
        assertThat(back).containsEntry("error", "login_required").containsEntry("state", "pn").containsEntry("iss", ISSUER)
                .doesNotContainKey("code");
    }

    @Test
    void anEmailCodeSignInDoesNotReachThePhishingResistantLevel() throws Exception {
        String email = Journeys.uniqueEmail("oidc-acr");
        Authenticator authenticator = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, new Browser(), authenticator, email);
        Browser browser = new Browser();
        browser.get("/signin");
        browser.postForm("/signin/email", "email=" + enc(email));
        String code = Mailbox.code(Mailbox.await(SMTP, email, "sign-in code"));
        assertThat(browser.postForm("/signin/code", "code=" + code).statusCode()).isEqualTo(302);

        // Asked for phr without interaction: interaction_required (the person must use a passkey).
        Map<String, String> none = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "a1", "n",
                Map.of("acr_values", "phr", "prompt", "none"));
        assertThat(none).containsEntry("error", "interaction_required").doesNotContainKey("code");
        // The bank portal requires phr by registration: the sign-in page asks for a passkey.
        HttpResponse<String> asked = browser.get("/oidc/authorize?" + query(PHR, PHR_REDIRECT, "a2", "n-a2", Map.of()));
        String signIn = local(asked);
        assertThat(signIn).contains("again=passkey");
        assertThat(browser.get(signIn).body()).contains("asks for a passkey");
        // Without acr, the email code is enough, and the token says how the person signed in.
        Map<String, String> basic = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "a3", "n-a3", Map.of());
        IDTokenClaimsSet claims = verify(CONFIDENTIAL, JWSAlgorithm.ES256,
                idToken(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, basic.get("code"), CONFIDENTIAL_REDIRECT, null)), "n-a3");
        assertThat(claims.getAMR()).extracting(Object::toString).containsExactly("otp");
        assertThat(claims.getACR().getValue()).isEqualTo("basic");

        // With a passkey the bank portal's request goes through, signed RS256 as registered.
        signInWithPasskey(browser, authenticator);
        String next = URLDecoder.decode(signIn.substring("/signin?next=".length()).split("&")[0], StandardCharsets.UTF_8);
        Map<String, String> back = redirectParams(browser.get(next), PHR_REDIRECT);
        IDTokenClaimsSet strong = verify(PHR, JWSAlgorithm.RS256,
                idToken(token(PHR, PHR_SECRET, back.get("code"), PHR_REDIRECT, null)), "n-a2");
        assertThat(strong.getACR().getValue()).isEqualTo("phr");
    }

    @Test
    void aRotatedKeyStaysPublishedSoThatTokensItSignedStillVerify() throws Exception {
        Browser browser = signedInWithPasskey("oidc-rotate");
        Map<String, String> before = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "k1", "n-k1", Map.of());
        String oldToken = idToken(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, before.get("code"), CONFIDENTIAL_REDIRECT, null));
        String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();
        // The current ES256 key grows older than the rotation period (LATCHKEY_OIDC_KEY_ROTATION_DAYS, 90).
        Database.execute("update fed_signing_key set created_at = created_at - interval '100' day where kid = ?", oldKid);

        Map<String, String> after = authorize(browser, CONFIDENTIAL, CONFIDENTIAL_REDIRECT, "k2", "n-k2", Map.of());
        String newToken = idToken(token(CONFIDENTIAL, CONFIDENTIAL_SECRET, after.get("code"), CONFIDENTIAL_REDIRECT, null));
        String newKid = SignedJWT.parse(newToken).getHeader().getKeyID();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(jwks().getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, newKid);
        verify(CONFIDENTIAL, JWSAlgorithm.ES256, oldToken, "n-k1");
        verify(CONFIDENTIAL, JWSAlgorithm.ES256, newToken, "n-k2");
        assertThat(Database.count("select count(*) from fed_signing_key where kid = ? and retired_at is not null", oldKid))
                .isEqualTo(1);
        // Once retired for longer than its tokens live, the old key leaves the published set.
        Database.execute("update fed_signing_key set retired_at = retired_at - interval '1' day where kid = ?", oldKid);
        assertThat(jwks().getKeys()).extracting(k -> k.getKeyID()).doesNotContain(oldKid).contains(newKid);
    }

    // ------------------------------------------------------------------ helpers

    private static Browser signedInWithPasskey(String prefix) throws InterruptedException {
        return signedInWithPasskey(prefix, new Authenticator());
    }

    private static Browser signedInWithPasskey(String prefix, Authenticator authenticator) throws InterruptedException {
        Browser browser = new Browser();
        Mailbox.signUpConfirmed(SMTP, browser, authenticator, Journeys.uniqueEmail(prefix));
        return browser;
    }

    private static void signInWithPasskey(Browser browser, Authenticator authenticator) {
        HttpResponse<String> signedIn = Journeys.signIn(browser, authenticator.get(Journeys.signInOptions(browser, "optional")));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    }

    /** The Location header as a path of ours (the container makes redirects absolute). */
    static String local(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith(ISSUER) ? location.substring(ISSUER.length()) : location;
    }

    static String query(String clientId, String redirect, String state, String nonce, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirect);
        params.put("scope", "openid email profile");
        params.put("state", state);
        params.put("nonce", nonce);
        params.putAll(extra);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(enc(v)));
        return query.toString();
    }

    /** Asks for a code and returns the parameters of the redirect back to the client. */
    static Map<String, String> authorize(Browser browser, String clientId, String redirect, String state, String nonce,
                                         Map<String, String> extra) {
        return redirectParams(browser.get("/oidc/authorize?" + query(clientId, redirect, state, nonce, extra)), redirect);
    }

    static Map<String, String> redirectParams(HttpResponse<String> response, String redirect) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : location.substring(redirect.length() + 1).split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static HttpResponse<String> token(String clientId, String secret, String code, String redirect, String verifier) {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect)
                + (verifier == null ? "" : "&code_verifier=" + enc(verifier))
                + (secret == null ? "&client_id=" + enc(clientId) : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + "/oidc/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (secret != null) {
            // RFC 6749 §2.3.1: form-encode, then Basic.
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    static HttpResponse<String> refresh(String clientId, String secret, String refreshToken) {
        return send(HttpRequest.newBuilder(URI.create(ISSUER + "/oidc/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + enc(refreshToken)))
                .build());
    }

    static HttpResponse<String> backChannel(String path, String clientId, String secret, String token) {
        return send(HttpRequest.newBuilder(URI.create(ISSUER + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("token=" + enc(token)))
                .build());
    }

    static Map<String, Object> json(HttpResponse<String> response) throws java.text.ParseException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return com.nimbusds.jose.util.JSONObjectUtils.parse(response.body());
    }

    static HttpResponse<String> userInfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(ISSUER + "/oidc/userinfo")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    static String idToken(HttpResponse<String> tokens) throws java.text.ParseException {
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return (String) com.nimbusds.jose.util.JSONObjectUtils.parse(tokens.body()).get("id_token");
    }

    static JWKSet jwks() throws java.text.ParseException {
        return JWKSet.parse(send(HttpRequest.newBuilder(URI.create(ISSUER + "/oidc/jwks")).GET().build()).body());
    }

    /** Nimbus's relying-party validator: signature against the JWKS, iss, aud, exp, iat and nonce. */
    static IDTokenClaimsSet verify(String clientId, JWSAlgorithm alg, String idToken, String nonce) throws Exception {
        return new IDTokenValidator(new Issuer(ISSUER), new ClientID(clientId), alg, jwks())
                .validate(JWTParser.parse(idToken), new Nonce(nonce));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
