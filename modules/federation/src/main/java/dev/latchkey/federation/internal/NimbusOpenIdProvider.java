package dev.latchkey.federation.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.latchkey.federation.api.FederationEvent;
import dev.latchkey.federation.api.FederationSettings;
import dev.latchkey.federation.api.OidcClient;
import dev.latchkey.federation.api.OidcClients;
import dev.latchkey.federation.api.OpenIdProvider;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.AuthenticatorFlags;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.platform.api.NativeColumns;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider, on Nimbus's OAuth 2.0 SDK. Codes and access tokens are random 256-bit values of which
 * only a SHA-256 hash is stored; pending requests live in {@code fed_request} so that any instance can
 * resume them after the person signed in.
 */
@ApplicationScoped
@Transactional
class NimbusOpenIdProvider implements OpenIdProvider {

    /**
     * How long a refresh token family lives at most, from the code exchange: the longest a Latchkey
     * session can live too (12 hours by default), after which the person signs in again.
     */
    static final Duration REFRESH_LIFETIME = Duration.ofHours(12);

    /** How long a person has to sign in before the pending request is forgotten. */
    static final Duration PENDING = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Inject
    FederationSettings settings;

    @Inject
    KeyRing keys;

    @Inject
    FederationEvents events;

    @Inject
    Sessions sessions;

    @Inject
    Accounts accounts;

    @Inject
    ClientAssertions assertions;

    @Inject
    Identifiers identifiers;

    private URI endpoint(String path) {
        return URI.create(settings.issuer() + path);
    }

    private Optional<OidcClient> client(String id) {
        return id == null ? Optional.empty() : settings.clients().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    // ---------------------------------------------------------------- discovery and keys

    @Override
    public String discovery() {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(settings.issuer()),
                List.of(SubjectType.PUBLIC, SubjectType.PAIRWISE), endpoint("/oidc/jwks"));
        metadata.setAuthorizationEndpointURI(endpoint("/oidc/authorize"));
        metadata.setTokenEndpointURI(endpoint("/oidc/token"));
        metadata.setUserInfoEndpointURI(endpoint("/oidc/userinfo"));
        metadata.setEndSessionEndpointURI(endpoint("/oidc/logout"));
        metadata.setRevocationEndpointURI(endpoint("/oidc/revoke"));
        metadata.setRevocationEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        metadata.setRevocationEndpointJWSAlgs(ClientAssertions.ALGORITHMS);
        metadata.setIntrospectionEndpointURI(endpoint("/oidc/introspect"));
        metadata.setIntrospectionEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        metadata.setIntrospectionEndpointJWSAlgs(ClientAssertions.ALGORITHMS);
        metadata.setScopes(new Scope(OIDCScopeValue.OPENID, OIDCScopeValue.EMAIL, OIDCScopeValue.PROFILE));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.PRIVATE_KEY_JWT, ClientAuthenticationMethod.NONE));
        metadata.setTokenEndpointJWSAlgs(ClientAssertions.ALGORITHMS);
        metadata.setIDTokenJWSAlgs(KeyRing.ALGORITHMS);
        metadata.setACRs(List.of(new ACR(OidcClients.ACR_PHISHING_RESISTANT), new ACR(OidcClients.ACR_BASIC)));
        metadata.setClaims(List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "acr", "sid", "email",
                "email_verified", "name"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setSupportsBackChannelLogout(true);
        metadata.setSupportsBackChannelLogoutSession(true);
        metadata.setSupportsRequestParam(false);
        metadata.setSupportsRequestURIParam(false);
        return metadata.toJSONObject().toJSONString();
    }

    @Override
    public String jwks() {
        return keys.published().toString(true);
    }

    // ---------------------------------------------------------------- authorization

    @Override
    public BrowserStep authorize(String query, Optional<UUID> sessionId) {
        Map<String, List<String>> params = URLUtils.parseParameters(query == null ? "" : query);
        Optional<Pending> checked = check(params);
        if (checked.isEmpty()) {
            return refusalOf(params);
        }
        Pending pending = checked.get();
        if (pending.error().isPresent()) {
            return pending.error().get();
        }
        return decide(pending, Optional.empty(), sessionId, query);
    }

    @Override
    public BrowserStep resume(String requestId, Optional<UUID> sessionId) {
        UUID id;
        try {
            id = UUID.fromString(requestId == null ? "" : requestId);
        } catch (IllegalArgumentException e) {
            return new Refused(400, Reason.INVALID_SIGN_IN_LINK);
        }
        List<?> rows = em.createNativeQuery("select query, created_at from fed_request where id = ? and expires_at > current_timestamp")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return new Refused(400, Reason.EXPIRED_SIGN_IN_REQUEST);
        }
        Object[] row = (Object[]) rows.get(0);
        String query = (String) row[0];
        Pending pending = check(URLUtils.parseParameters(query)).orElseThrow();
        BrowserStep step = decide(pending, Optional.of(new Waiting(id, NativeColumns.instant(row[1]))), sessionId, query);
        if (step instanceof Redirect r && !r.location().startsWith("/signin")) {
            // Answered (a code or an error went back to the client): the request is single-use.
            em.createNativeQuery("delete from fed_request where id = ?").setParameter(1, id).executeUpdate();
        }
        return step;
    }

    /** A request that passed the client and redirect checks; {@code error} is a redirect with an OAuth error. */
    private record Pending(OidcClient client, URI redirect, AuthenticationRequest request, Optional<BrowserStep> error) {
    }

    /** A request stored while the person signs in. */
    private record Waiting(UUID id, Instant createdAt) {
    }

    /**
     * Empty when the client or the redirect URI is not registered: then nothing may be redirected
     * (Core §3.1.2.6). Otherwise the parsed request, or an error to redirect to the client.
     */
    private Optional<Pending> check(Map<String, List<String>> params) {
        Optional<OidcClient> client = client(first(params, "client_id"));
        String redirectText = first(params, "redirect_uri");
        // Exact string match against the registration (OAuth 2.0 Security BCP §4.1.3): no prefix, no normalising.
        if (client.isEmpty() || redirectText == null || !client.get().redirectUris().contains(redirectText)) {
            return Optional.empty();
        }
        URI redirect = URI.create(redirectText);
        State state = Optional.ofNullable(first(params, "state")).map(State::new).orElse(null);
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(endpoint("/oidc/authorize"), params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            return Optional.of(new Pending(client.get(), redirect, null,
                    Optional.of(errorRedirect(client.get(), redirect, state, error, null))));
        }
        Optional<ErrorObject> refusal = Optional.empty();
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            refusal = Optional.of(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE);
        } else if (request.specifiesRequestObject()) {
            refusal = Optional.of(OAuth2Error.REQUEST_NOT_SUPPORTED);
        } else if (request.getCodeChallenge() != null && !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            // RFC 7636 §4.2 allows "plain"; OAuth 2.0 Security BCP §2.1.1 says S256 only.
            refusal = Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE needs code_challenge_method=S256"));
        } else if (request.getCodeChallenge() == null && !client.get().confidential()) {
            // Public clients cannot keep a secret: PKCE is what binds the code to them (RFC 7636 §1).
            refusal = Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE with S256 is required for this client"));
        }
        Optional<BrowserStep> error = refusal.map(r -> errorRedirect(client.get(), redirect, request.getState(), r, null));
        return Optional.of(new Pending(client.get(), redirect, request, error));
    }

    private BrowserStep refusalOf(Map<String, List<String>> params) {
        Optional<OidcClient> client = client(first(params, "client_id"));
        events.record(FederationEvent.Type.REFUSED, client.map(OidcClient::id).orElse(null), null,
                client.isEmpty() ? "unknown_client" : "unregistered_redirect_uri");
        return new Refused(400, client.isEmpty() ? Reason.UNKNOWN_CLIENT : Reason.UNREGISTERED_REDIRECT);
    }

    /**
     * Issues a code when the browser's session satisfies the request; otherwise an error for
     * {@code prompt=none}, or Latchkey's sign-in page with the request waiting in the database.
     */
    private BrowserStep decide(Pending pending, Optional<Waiting> waiting, Optional<UUID> sessionId, String query) {
        AuthenticationRequest request = pending.request();
        Optional<Sessions.Authentication> auth = sessionId.flatMap(sessions::authentication);
        Prompt prompt = request.getPrompt();
        boolean login = prompt != null && prompt.contains(Prompt.Type.LOGIN);
        boolean none = prompt != null && prompt.contains(Prompt.Type.NONE);
        Optional<String> neededAcr = pending.client().requiredAcr().or(() -> request.getACRValues() != null
                && request.getACRValues().contains(new ACR(OidcClients.ACR_PHISHING_RESISTANT))
                ? Optional.of(OidcClients.ACR_PHISHING_RESISTANT) : Optional.empty());

        boolean fresh = auth.isPresent() && (!login
                || waiting.map(w -> !auth.get().authenticatedAt().isBefore(w.createdAt())).orElse(false));
        // max_age (Core §3.1.2.1): the sign-in must be at most this many seconds old.
        boolean young = auth.isPresent() && (request.getMaxAge() < 0
                || !auth.get().authenticatedAt().plusSeconds(request.getMaxAge()).isBefore(Instant.now()));
        boolean strong = auth.isPresent() && (neededAcr.isEmpty() || auth.get().method().isPasskey());

        if (fresh && young && strong) {
            return issueCode(pending, auth.get());
        }
        if (none) {
            // Core §3.1.2.6: prompt=none never shows a page.
            ErrorObject error = auth.isEmpty() || !young ? OIDCError.LOGIN_REQUIRED : OIDCError.INTERACTION_REQUIRED;
            return errorRedirect(pending.client(), pending.redirect(), request.getState(), error,
                    auth.map(Sessions.Authentication::accountId).orElse(null));
        }
        UUID id = waiting.map(Waiting::id).orElseGet(() -> store(pending.client(), query));
        StringBuilder signIn = new StringBuilder("/signin?next=")
                .append(URLEncoder.encode("/oidc/authorize/continue?id=" + id, StandardCharsets.UTF_8));
        if (auth.isPresent()) {
            // Signed in, but not freshly or strongly enough: the sign-in page shows itself anyway.
            signIn.append("&again=").append(strong ? "login" : "passkey");
        }
        String hint = request.getLoginHint();
        if (hint != null && hint.length() <= 254) {
            signIn.append("&hint=").append(URLEncoder.encode(hint, StandardCharsets.UTF_8));
        }
        return new Redirect(signIn.toString());
    }

    private UUID store(OidcClient client, String query) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into fed_request (id, client_id, query, created_at, expires_at) values (?, ?, ?,"
                        + " current_timestamp, current_timestamp + interval '" + PENDING.toSeconds() + "' second)")
                .setParameter(1, id).setParameter(2, client.id()).setParameter(3, query).executeUpdate();
        return id;
    }

    private BrowserStep issueCode(Pending pending, Sessions.Authentication auth) {
        AuthenticationRequest request = pending.request();
        String code = randomToken();
        em.createNativeQuery("insert into fed_code (code_hash, client_id, account_id, session_id, redirect_uri, scope, nonce,"
                        + " code_challenge, auth_time, method, user_verified, backup_eligible, created_at, expires_at) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, current_timestamp + interval '"
                        + settings.codeLifetime().toSeconds() + "' second)")
                .setParameter(1, Sha256.of(code))
                .setParameter(2, pending.client().id())
                .setParameter(3, auth.accountId())
                .setParameter(4, auth.sessionId())
                .setParameter(5, pending.redirect().toString())
                .setParameter(6, request.getScope().toString())
                .setParameter(7, request.getNonce() == null ? null : request.getNonce().getValue())
                .setParameter(8, request.getCodeChallenge() == null ? null : request.getCodeChallenge().getValue())
                .setParameter(9, auth.authenticatedAt())
                .setParameter(10, auth.method().name())
                .setParameter(11, auth.flags().map(AuthenticatorFlags::userVerified).orElse(null))
                .setParameter(12, auth.flags().map(AuthenticatorFlags::backupEligible).orElse(null))
                .executeUpdate();
        if (pending.client().backchannelLogoutUri().isPresent()) {
            em.createNativeQuery("insert into fed_session_client (session_id, client_id, account_id, created_at)"
                            + " values (?, ?, ?, current_timestamp)")
                    .setParameter(1, auth.sessionId()).setParameter(2, pending.client().id())
                    .setParameter(3, auth.accountId()).executeUpdate();
        }
        events.record(FederationEvent.Type.CODE_GRANTED, pending.client().id(), auth.accountId(), null);
        // RFC 9207: the issuer travels with the response, against mix-up attacks.
        return new Redirect(new AuthenticationSuccessResponse(pending.redirect(), new AuthorizationCode(code), null, null,
                request.getState(), null, new Issuer(settings.issuer()), ResponseMode.QUERY).toURI().toString());
    }

    private BrowserStep errorRedirect(OidcClient client, URI redirect, State state, ErrorObject error, UUID accountId) {
        events.record(FederationEvent.Type.REFUSED, client.id(), accountId, error.getCode());
        return new Redirect(new AuthenticationErrorResponse(redirect, error, state, new Issuer(settings.issuer()),
                ResponseMode.QUERY).toURI().toString());
    }

    // ---------------------------------------------------------------- token endpoint

    @Override
    public ProtocolAnswer token(String formBody, Optional<String> contentType, Optional<String> authorization) {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, endpoint("/oidc/token"));
        TokenRequest request;
        try {
            http.setContentType(contentType.orElse("application/x-www-form-urlencoded"));
            http.setBody(formBody == null ? "" : formBody);
            authorization.ifPresent(http::setAuthorization);
            request = TokenRequest.parse(http);
        } catch (ParseException e) {
            return tokenError(null, null, e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject(),
                    "malformed_request");
        }
        // Client authentication (Core §9): client_secret_basic or private_key_jwt for confidential clients,
        // none for public ones.
        ClientAuthentication presented = request.getClientAuthentication();
        OidcClient client;
        if (presented != null) {
            Authenticated authenticated = authenticate(presented);
            if (authenticated.client().isEmpty()) {
                return tokenError(client(presented.getClientID().getValue()).map(OidcClient::id).orElse(null), null,
                        OAuth2Error.INVALID_CLIENT, authenticated.refusal());
            }
            client = authenticated.client().get();
        } else {
            ClientID id = request.getClientID();
            Optional<OidcClient> known = client(id == null ? null : id.getValue());
            if (known.isEmpty() || known.get().confidential()) {
                return tokenError(known.map(OidcClient::id).orElse(null), null, OAuth2Error.INVALID_CLIENT, "client_not_authenticated");
            }
            client = known.get();
        }
        if (request.getAuthorizationGrant() instanceof RefreshTokenGrant refresh && client.confidential()) {
            return refresh(client, refresh.getRefreshToken().getValue());
        }
        if (!(request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
            return tokenError(client.id(), null, OAuth2Error.UNSUPPORTED_GRANT_TYPE, "unsupported_grant_type");
        }
        return redeem(client, grant);
    }

    private ProtocolAnswer redeem(OidcClient client, AuthorizationCodeGrant grant) {
        byte[] codeHash = Sha256.of(grant.getAuthorizationCode().getValue());
        List<?> rows = em.createNativeQuery("select client_id, account_id, redirect_uri, scope, nonce, code_challenge,"
                        + " auth_time, method, used_at, case when expires_at < current_timestamp then 1 else 0 end,"
                        + " session_id, user_verified, backup_eligible from fed_code where code_hash = ?")
                .setParameter(1, codeHash).getResultList();
        if (rows.isEmpty()) {
            return tokenError(client.id(), null, OAuth2Error.INVALID_GRANT, "unknown_code");
        }
        Object[] row = (Object[]) rows.get(0);
        UUID accountId = NativeColumns.uuid(row[1]);
        if (!client.id().equals(row[0])) {
            return tokenError(client.id(), null, OAuth2Error.INVALID_GRANT, "code_of_another_client");
        }
        if (row[8] != null) {
            return reused(client, accountId, codeHash);
        }
        if (((Number) row[9]).intValue() == 1) {
            return tokenError(client.id(), accountId, OAuth2Error.INVALID_GRANT, "code_expired");
        }
        // RFC 6749 §4.1.3: the same redirect_uri as in the authorization request.
        if (grant.getRedirectionURI() == null || !grant.getRedirectionURI().toString().equals(row[2])) {
            return tokenError(client.id(), accountId, OAuth2Error.INVALID_GRANT, "redirect_uri_mismatch");
        }
        String challenge = (String) row[5];
        CodeVerifier verifier = grant.getCodeVerifier();
        // RFC 7636 §4.6; a verifier for a code issued without a challenge is refused too (Security BCP §4.8.2).
        if (challenge == null ? verifier != null
                : verifier == null || !MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII),
                        CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue().getBytes(StandardCharsets.US_ASCII))) {
            return tokenError(client.id(), accountId, OAuth2Error.INVALID_GRANT, "pkce_mismatch");
        }
        // Single use, race-free: only one exchange can set used_at.
        int claimed = em.createNativeQuery("update fed_code set used_at = current_timestamp where code_hash = ? and used_at is null")
                .setParameter(1, codeHash).executeUpdate();
        if (claimed != 1) {
            return reused(client, accountId, codeHash);
        }
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return tokenError(client.id(), accountId, OAuth2Error.INVALID_GRANT, "account_gone");
        }
        Scope scope = Scope.parse((String) row[3]);
        Grant granted = new Grant(codeHash, client, account.get(), NativeColumns.uuid(row[10]), scope,
                NativeColumns.instant(row[6]), SignInMethod.valueOf((String) row[7]), flags(row[11], row[12]));
        Optional<String> refreshToken = Optional.empty();
        if (client.confidential()) {
            // Refresh tokens only for clients that authenticate: a public client's could be used by anyone.
            refreshToken = Optional.of(newRefreshToken(granted, UUID.randomUUID(), null));
        }
        events.record(FederationEvent.Type.TOKENS_ISSUED, client.id(), accountId, null);
        return tokens(granted, (String) row[4], refreshToken);
    }

    /** What a code or refresh token stands for. */
    private record Grant(byte[] codeHash, OidcClient client, Account account, UUID sessionId, Scope scope, Instant authTime,
                         SignInMethod method, Optional<AuthenticatorFlags> flags) {
    }

    /** The two flag columns as stored: both null when the sign-in kept none. */
    private static Optional<AuthenticatorFlags> flags(Object userVerified, Object backupEligible) {
        return userVerified == null ? Optional.empty()
                : Optional.of(new AuthenticatorFlags(Boolean.TRUE.equals(userVerified), Boolean.TRUE.equals(backupEligible)));
    }

    private ProtocolAnswer tokens(Grant grant, String nonce, Optional<String> refreshToken) {
        String accessToken = randomToken();
        em.createNativeQuery("insert into fed_access_token (token_hash, code_hash, client_id, account_id, scope, created_at,"
                        + " expires_at, revoked) values (?, ?, ?, ?, ?, current_timestamp, current_timestamp + interval '"
                        + settings.tokenLifetime().toSeconds() + "' second, false)")
                .setParameter(1, Sha256.of(accessToken))
                .setParameter(2, grant.codeHash())
                .setParameter(3, grant.client().id())
                .setParameter(4, grant.account().id())
                .setParameter(5, grant.scope().toString())
                .executeUpdate();
        SignedJWT idToken = keys.sign(JWSAlgorithm.parse(grant.client().idTokenAlg()),
                idTokenClaims(grant, nonce));
        HTTPResponse response = new OIDCTokenResponse(new OIDCTokens(idToken,
                new BearerAccessToken(accessToken, settings.tokenLifetime().toSeconds(), grant.scope()),
                refreshToken.map(RefreshToken::new).orElse(null))).toHTTPResponse();
        return answer(response);
    }

    /**
     * A new refresh token of {@code family}; the family's end stays where the first token put it
     * ({@code expiresAt} null: now + {@link #REFRESH_LIFETIME}).
     */
    private String newRefreshToken(Grant grant, UUID family, Instant expiresAt) {
        String token = randomToken();
        jakarta.persistence.Query insert = em.createNativeQuery("insert into fed_refresh_token (token_hash, family, code_hash,"
                        + " client_id, account_id, session_id, scope, auth_time, method, user_verified, backup_eligible, created_at,"
                        + " expires_at, revoked) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, " + (expiresAt == null
                        ? "current_timestamp + interval '" + REFRESH_LIFETIME.toSeconds() + "' second" : "?") + ", false)")
                .setParameter(1, Sha256.of(token))
                .setParameter(2, family)
                .setParameter(3, grant.codeHash())
                .setParameter(4, grant.client().id())
                .setParameter(5, grant.account().id())
                .setParameter(6, grant.sessionId())
                .setParameter(7, grant.scope().toString())
                .setParameter(8, grant.authTime())
                .setParameter(9, grant.method().name())
                .setParameter(10, grant.flags().map(AuthenticatorFlags::userVerified).orElse(null))
                .setParameter(11, grant.flags().map(AuthenticatorFlags::backupEligible).orElse(null));
        if (expiresAt != null) {
            // JDBC-style like the others (Hibernate refuses a mix of ? and ?12): the twelfth ? of the statement.
            insert.setParameter(12, expiresAt);
        }
        insert.executeUpdate();
        return token;
    }

    /**
     * {@code grant_type=refresh_token} (RFC 6749 §6) for a confidential client: the token is rotated
     * (single use); a used token presented again revokes its whole family and the access tokens of its
     * grant (OAuth 2.0 Security BCP §4.14.2), as a stolen copy would be used.
     */
    private ProtocolAnswer refresh(OidcClient client, String presented) {
        byte[] hash = Sha256.of(presented);
        List<?> rows = em.createNativeQuery("select family, code_hash, client_id, account_id, session_id, scope, auth_time,"
                        + " method, used_at, revoked, case when expires_at < current_timestamp then 1 else 0 end, expires_at,"
                        + " user_verified, backup_eligible from fed_refresh_token where token_hash = ?")
                .setParameter(1, hash).getResultList();
        if (rows.isEmpty()) {
            return tokenError(client.id(), null, OAuth2Error.INVALID_GRANT, "unknown_refresh_token");
        }
        Object[] row = (Object[]) rows.get(0);
        UUID family = NativeColumns.uuid(row[0]);
        byte[] codeHash = (byte[]) row[1];
        UUID accountId = NativeColumns.uuid(row[3]);
        if (!client.id().equals(row[2])) {
            return tokenError(client.id(), null, OAuth2Error.INVALID_GRANT, "refresh_token_of_another_client");
        }
        if (Boolean.TRUE.equals(row[9])) {
            return tokenError(client.id(), accountId, OAuth2Error.INVALID_GRANT, "refresh_token_revoked");
        }
        if (((Number) row[10]).intValue() == 1) {
            return tokenError(client.id(), accountId, OAuth2Error.INVALID_GRANT, "refresh_token_expired");
        }
        int claimed = row[8] != null ? 0 : em.createNativeQuery("update fed_refresh_token set used_at = current_timestamp"
                        + " where token_hash = ? and used_at is null")
                .setParameter(1, hash).executeUpdate();
        if (claimed != 1) {
            em.createNativeQuery("update fed_refresh_token set revoked = true where family = ?")
                    .setParameter(1, family).executeUpdate();
            em.createNativeQuery("update fed_access_token set revoked = true where code_hash = ?")
                    .setParameter(1, codeHash).executeUpdate();
            events.record(FederationEvent.Type.REFRESH_TOKEN_REUSED, client.id(), accountId, "refresh_token_reused");
            return answer(new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
        }
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return tokenError(client.id(), accountId, OAuth2Error.INVALID_GRANT, "account_gone");
        }
        Grant grant = new Grant(codeHash, client, account.get(), NativeColumns.uuid(row[4]), Scope.parse((String) row[5]),
                NativeColumns.instant(row[6]), SignInMethod.valueOf((String) row[7]), flags(row[12], row[13]));
        String next = newRefreshToken(grant, family, NativeColumns.instant(row[11]));
        events.record(FederationEvent.Type.TOKENS_REFRESHED, client.id(), accountId, null);
        return tokens(grant, null, Optional.of(next));
    }

    /** RFC 6749 §4.1.2: a code used twice revokes what was issued from it. */
    private ProtocolAnswer reused(OidcClient client, UUID accountId, byte[] codeHash) {
        em.createNativeQuery("update fed_access_token set revoked = true where code_hash = ?")
                .setParameter(1, codeHash).executeUpdate();
        em.createNativeQuery("update fed_refresh_token set revoked = true where code_hash = ?")
                .setParameter(1, codeHash).executeUpdate();
        events.record(FederationEvent.Type.CODE_REUSED, client.id(), accountId, "code_reused");
        return answer(new TokenErrorResponse(OAuth2Error.INVALID_GRANT).toHTTPResponse());
    }

    private JWTClaimsSet idTokenClaims(Grant grant, String nonce) {
        OidcClient client = grant.client();
        Account account = grant.account();
        Scope scope = grant.scope();
        Instant authTime = grant.authTime();
        SignInMethod method = grant.method();
        Instant now = Instant.now();
        IDTokenClaimsSet claims = new IDTokenClaimsSet(new Issuer(settings.issuer()),
                new Subject(identifiers.subject(client, account.id())),
                List.of(new Audience(client.id())), Date.from(now.plus(settings.tokenLifetime())), Date.from(now));
        claims.setAuthenticationTime(Date.from(authTime));
        if (nonce != null) {
            claims.setNonce(new com.nimbusds.openid.connect.sdk.Nonce(nonce));
        }
        claims.setAMR(AuthenticationLevels.amr(method, grant.flags()));
        claims.setACR(AuthenticationLevels.acr(method));
        claims.setClaim("azp", client.id());
        // Back-Channel Logout 1.0 §2.1 / Front-Channel Logout 1.0 §3: the session, as this client knows it;
        // the same sid is in the logout token when that session ends.
        claims.setSessionID(new com.nimbusds.openid.connect.sdk.claims.SessionID(identifiers.sid(client.id(), grant.sessionId())));
        if (scope.contains(OIDCScopeValue.EMAIL)) {
            claims.setClaim("email", account.email().value());
            claims.setClaim("email_verified", account.emailConfirmed());
        }
        if (scope.contains(OIDCScopeValue.PROFILE)) {
            claims.setClaim("name", account.displayName());
        }
        try {
            return claims.toJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("ID token claims: " + e.getMessage(), e);
        }
    }

    private static boolean secretMatches(OidcClient client, String secret) {
        if (client.secretSha256().isEmpty()) {
            return false;
        }
        // Constant time over the hashes: the comparison reveals nothing of the stored value.
        byte[] presented = HexFormat.of().formatHex(Sha256.of(secret)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, client.secretSha256().orElseThrow().getBytes(StandardCharsets.US_ASCII));
    }

    /** A client that authenticated, or why not ({@code fed_event.reason}). */
    private record Authenticated(Optional<OidcClient> client, String refusal) {
    }

    /**
     * Client authentication (Core §9) with the one method the client registered: client_secret_basic
     * (RFC 6749 §2.3.1) or private_key_jwt (RFC 7523 §3, verified by {@link ClientAssertions}). Any other
     * method, or a registered method's wrong credentials, is refused.
     */
    private Authenticated authenticate(ClientAuthentication presented) {
        Optional<OidcClient> known = presented == null ? Optional.empty() : client(presented.getClientID().getValue());
        if (presented instanceof ClientSecretBasic basic) {
            Optional<OidcClient> client = known.filter(c -> OidcClient.CLIENT_SECRET_BASIC.equals(c.authMethod()))
                    .filter(c -> secretMatches(c, basic.getClientSecret().getValue()));
            return new Authenticated(client, "wrong_client_secret");
        }
        if (presented instanceof PrivateKeyJWT assertion && known.isPresent()
                && OidcClient.PRIVATE_KEY_JWT.equals(known.get().authMethod())) {
            ClientAssertions.Outcome outcome = assertions.verify(assertion);
            return new Authenticated(outcome.client(),
                    outcome.refusal().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
        }
        return new Authenticated(Optional.empty(), "client_auth_method_not_registered");
    }

    private ProtocolAnswer tokenError(String clientId, UUID accountId, ErrorObject error, String reason) {
        events.record(FederationEvent.Type.REFUSED, clientId, accountId, reason);
        ProtocolAnswer answer = answer(new TokenErrorResponse(error).toHTTPResponse());
        if (answer.status() == 401) {
            // RFC 6749 §5.2: invalid_client after a failed Basic authentication names the scheme.
            Map<String, String> headers = new LinkedHashMap<>(answer.headers());
            headers.put("WWW-Authenticate", "Basic realm=\"" + settings.issuer() + "\"");
            return new ProtocolAnswer(401, answer.contentType(), answer.body(), headers);
        }
        return answer;
    }

    // ---------------------------------------------------------------- revocation and introspection

    private HTTPRequest backChannel(String path, String formBody, Optional<String> contentType,
                                    Optional<String> authorization) throws ParseException {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, endpoint(path));
        http.setContentType(contentType.orElse("application/x-www-form-urlencoded"));
        http.setBody(formBody == null ? "" : formBody);
        authorization.ifPresent(http::setAuthorization);
        return http;
    }


    @Override
    public ProtocolAnswer revoke(String formBody, Optional<String> contentType, Optional<String> authorization) {
        TokenRevocationRequest request;
        try {
            request = TokenRevocationRequest.parse(backChannel("/oidc/revoke", formBody, contentType, authorization));
        } catch (ParseException e) {
            return tokenError(null, null, e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject(),
                    "malformed_revocation");
        }
        Authenticated authenticated = authenticate(request.getClientAuthentication());
        Optional<OidcClient> client = authenticated.client();
        if (client.isEmpty()) {
            return tokenError(null, null, OAuth2Error.INVALID_CLIENT, authenticated.refusal());
        }
        byte[] hash = Sha256.of(request.getToken().getValue());
        // Only the client's own tokens; an unknown token is answered like a known one (RFC 7009 §2.2).
        int access = em.createNativeQuery("update fed_access_token set revoked = true where token_hash = ? and client_id = ?")
                .setParameter(1, hash).setParameter(2, client.get().id()).executeUpdate();
        int refresh = em.createNativeQuery("update fed_refresh_token set revoked = true where client_id = ? and family in"
                        + " (select family from fed_refresh_token where token_hash = ?)")
                .setParameter(1, client.get().id()).setParameter(2, hash).executeUpdate();
        if (access + refresh > 0) {
            events.record(FederationEvent.Type.TOKENS_REVOKED, client.get().id(), null, "revoked_by_client");
        }
        return new ProtocolAnswer(200, "application/json;charset=utf-8", "", Map.of("Cache-Control", "no-store"));
    }

    @Override
    public ProtocolAnswer introspect(String formBody, Optional<String> contentType, Optional<String> authorization) {
        TokenIntrospectionRequest request;
        try {
            request = TokenIntrospectionRequest.parse(backChannel("/oidc/introspect", formBody, contentType, authorization));
        } catch (ParseException e) {
            return tokenError(null, null, e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject(),
                    "malformed_introspection");
        }
        Authenticated authenticated = authenticate(request.getClientAuthentication());
        Optional<OidcClient> client = authenticated.client();
        if (client.isEmpty()) {
            return tokenError(null, null, OAuth2Error.INVALID_CLIENT, authenticated.refusal());
        }
        // Active only for the client's own live access tokens; anything else is just "not active" (RFC 7662 §2.2).
        List<?> rows = em.createNativeQuery("select account_id, scope, expires_at, created_at from fed_access_token"
                        + " where token_hash = ? and client_id = ? and not revoked and expires_at > current_timestamp")
                .setParameter(1, Sha256.of(request.getToken().getValue())).setParameter(2, client.get().id())
                .getResultList();
        if (rows.isEmpty()) {
            return answer(new TokenIntrospectionSuccessResponse.Builder(false).build().toHTTPResponse());
        }
        Object[] row = (Object[]) rows.get(0);
        return answer(new TokenIntrospectionSuccessResponse.Builder(true)
                .scope(Scope.parse((String) row[1]))
                .clientID(new ClientID(client.get().id()))
                .subject(new Subject(identifiers.subject(client.get(), NativeColumns.uuid(row[0]))))
                .tokenType(com.nimbusds.oauth2.sdk.token.AccessTokenType.BEARER)
                .expirationTime(Date.from(NativeColumns.instant(row[2])))
                .issueTime(Date.from(NativeColumns.instant(row[3])))
                .issuer(new Issuer(settings.issuer()))
                .build().toHTTPResponse());
    }

    // ---------------------------------------------------------------- userinfo

    @Override
    public ProtocolAnswer userInfo(Optional<String> authorization) {
        AccessToken token;
        try {
            token = BearerAccessToken.parse(authorization.orElse(null));
        } catch (ParseException e) {
            return answer(new UserInfoErrorResponse(BearerTokenError.MISSING_TOKEN).toHTTPResponse());
        }
        List<?> rows = em.createNativeQuery("select account_id, scope, client_id from fed_access_token where token_hash = ?"
                        + " and not revoked and expires_at > current_timestamp")
                .setParameter(1, Sha256.of(token.getValue())).getResultList();
        Optional<Account> account = rows.stream().findFirst()
                .flatMap(row -> accounts.find(NativeColumns.uuid(((Object[]) row)[0])));
        if (account.isEmpty()) {
            return answer(new UserInfoErrorResponse(BearerTokenError.INVALID_TOKEN).toHTTPResponse());
        }
        Scope scope = Scope.parse((String) ((Object[]) rows.get(0))[1]);
        Optional<OidcClient> client = client((String) ((Object[]) rows.get(0))[2]);
        if (client.isEmpty()) {
            // A client removed from the clients file since: its tokens no longer count.
            return answer(new UserInfoErrorResponse(BearerTokenError.INVALID_TOKEN).toHTTPResponse());
        }
        // Core §5.3.2: the same sub as in the ID token the client got.
        UserInfo info = new UserInfo(new Subject(identifiers.subject(client.get(), account.get().id())));
        if (scope.contains(OIDCScopeValue.EMAIL)) {
            info.setEmailAddress(account.get().email().value());
            info.setEmailVerified(account.get().emailConfirmed());
        }
        if (scope.contains(OIDCScopeValue.PROFILE)) {
            info.setName(account.get().displayName());
        }
        return answer(new UserInfoSuccessResponse(info).toHTTPResponse());
    }

    // ---------------------------------------------------------------- logout

    @Override
    public BrowserStep logout(String query, Optional<String> sessionToken) {
        LogoutRequest request;
        try {
            request = LogoutRequest.parse(query == null ? "" : query);
        } catch (ParseException e) {
            return new Refused(400, Reason.INVALID_SIGN_OUT_LINK);
        }
        if (!(request.getIDTokenHint() instanceof SignedJWT hint)) {
            // Without proof of which sign-in the client means, a link could sign anyone out: refuse.
            return new Refused(400, Reason.SIGN_OUT_WITHOUT_HINT);
        }
        Optional<JWTClaimsSet> claims = verified(hint);
        Optional<OidcClient> client = claims.flatMap(c -> c.getAudience().stream().findFirst()).flatMap(this::client);
        if (claims.isEmpty() || client.isEmpty()) {
            events.record(FederationEvent.Type.REFUSED, null, null, "invalid_id_token_hint");
            return new Refused(400, Reason.INVALID_SIGN_OUT_LINK);
        }
        URI back = request.getPostLogoutRedirectionURI();
        if (back != null && !client.get().postLogoutRedirectUris().contains(back.toString())) {
            events.record(FederationEvent.Type.REFUSED, client.get().id(), null, "unregistered_post_logout_redirect_uri");
            return new Refused(400, Reason.UNREGISTERED_SIGN_OUT_REDIRECT);
        }
        String subject = claims.get().getSubject();
        Optional<Sessions.SignedInSession> session = sessionToken.flatMap(sessions::resolve);
        UUID accountId = null;
        if (session.isPresent() && identifiers.subject(client.get(), session.get().accountId()).equals(subject)) {
            accountId = session.get().accountId();
            sessions.end(sessionToken.get());
        }
        events.record(FederationEvent.Type.LOGGED_OUT, client.get().id(), accountId, accountId == null ? "no_session" : null);
        if (back == null) {
            return new Redirect("/signin?signedOut");
        }
        String location = back.toString();
        if (request.getState() != null) {
            location += (location.contains("?") ? "&" : "?") + "state="
                    + URLEncoder.encode(request.getState().getValue(), StandardCharsets.UTF_8);
        }
        return new Redirect(location);
    }

    /** The hint's claims when one of our published keys signed it and we issued it; expiry is not checked (RP-Initiated Logout §2). */
    private Optional<JWTClaimsSet> verified(SignedJWT jwt) {
        try {
            JWK key = keys.published().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                return Optional.empty();
            }
            JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key);
            if (!jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return settings.issuer().equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
        } catch (JOSEException | java.text.ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ProtocolAnswer answer(HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] type = {"application/json;charset=utf-8"};
        Map<String, List<String>> all = response.getHeaderMap();
        all.forEach((name, values) -> {
            if (values == null || values.isEmpty()) {
                return;
            }
            if ("Content-Type".equalsIgnoreCase(name)) {
                type[0] = values.get(0);
            } else {
                headers.put(name, values.get(0));
            }
        });
        headers.putIfAbsent("Cache-Control", "no-store");
        return new ProtocolAnswer(response.getStatusCode(), type[0], response.getBody() == null ? "" : response.getBody(), headers);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
