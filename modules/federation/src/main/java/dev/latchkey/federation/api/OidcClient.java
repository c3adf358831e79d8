package dev.latchkey.federation.api;

import java.util.List;
import java.util.Optional;

/**
 * An application registered by the operator to sign its users in through Latchkey.
 *
 * @param id                     {@code client_id}
 * @param name                   shown to people where the application is named
 * @param secretSha256           for a confidential client, the lowercase hex SHA-256 of its secret
 *                               ({@code client_secret_basic}); empty for a public client, which must use PKCE
 * @param redirectUris           exact redirect URIs (no pattern, no prefix: OAuth 2.0 Security BCP §4.1.3)
 * @param postLogoutRedirectUris where RP-initiated logout may return to
 * @param idTokenAlg             {@code ES256} or {@code RS256}
 * @param requiredAcr            an {@code acr} every sign-in for this client must reach ({@code phr}), if any
 * @param backchannelLogoutUri   where a logout token is posted when a session the client got a code from ends
 *                               (OpenID Connect Back-Channel Logout 1.0), if the client asked for it
 * @param jwks                   for a client that authenticates with {@code private_key_jwt} (RFC 7523, OpenID
 *                               Connect Core §9), its public keys as a JWK set in JSON, registered inline
 *                               (never fetched: Latchkey makes no network call for it); empty otherwise
 * @param subjectType            {@code public} (the account's id as {@code sub}) or {@code pairwise} (a {@code sub}
 *                               of its own for the client's sector, the host of its redirect URIs: Core §8.1)
 */
public record OidcClient(String id, String name, Optional<String> secretSha256, List<String> redirectUris,
                         List<String> postLogoutRedirectUris, String idTokenAlg, Optional<String> requiredAcr,
                         Optional<String> backchannelLogoutUri, Optional<String> jwks, String subjectType) {

    /** {@code token_endpoint_auth_method} values, as registered. */
    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    public static final String NONE = "none";

    /** {@code subject_type} values (Core §8). */
    public static final String PUBLIC = "public";
    public static final String PAIRWISE = "pairwise";

    public OidcClient {
        subjectType = subjectType == null ? PUBLIC : subjectType;
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    /**
     * Whether the client authenticates (with a secret or a signed assertion); otherwise it is public and
     * PKCE S256 is mandatory.
     */
    public boolean confidential() {
        return secretSha256.isPresent() || jwks.isPresent();
    }

    /** Whether the client gets pairwise subject identifiers. */
    public boolean pairwise() {
        return PAIRWISE.equals(subjectType);
    }

    /**
     * The sector of a pairwise client (Core §8.1): the host of its redirect URIs, which the clients file
     * requires to be one host. Clients of one sector see the same {@code sub}.
     */
    public String sector() {
        return java.net.URI.create(redirectUris.get(0)).getHost();
    }

    /** How the client authenticates at the token, revocation and introspection endpoints. */
    public String authMethod() {
        return jwks.isPresent() ? PRIVATE_KEY_JWT : secretSha256.isPresent() ? CLIENT_SECRET_BASIC : NONE;
    }
}
