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
 */
public record OidcClient(String id, String name, Optional<String> secretSha256, List<String> redirectUris,
                         List<String> postLogoutRedirectUris, String idTokenAlg, Optional<String> requiredAcr,
                         Optional<String> backchannelLogoutUri) {

    public OidcClient {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    /** Whether the client authenticates with a secret; otherwise it is public and PKCE S256 is mandatory. */
    public boolean confidential() {
        return secretSha256.isPresent();
    }
}
