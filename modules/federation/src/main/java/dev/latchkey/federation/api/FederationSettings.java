package dev.latchkey.federation.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The provider's deployment settings.
 *
 * @param issuer          {@code LATCHKEY_OIDC_ISSUER}: the issuer identifier, an origin of Latchkey (no trailing slash)
 * @param clients         the registered clients ({@code LATCHKEY_OIDC_CLIENTS}, see {@link OidcClients})
 * @param codeLifetime    {@code LATCHKEY_OIDC_CODE_SECONDS}: how long an authorization code may be exchanged (60 s)
 * @param tokenLifetime   how long ID and access tokens are valid
 * @param keyRotation     how old a signing key grows before a new generation replaces it
 */
public record FederationSettings(String issuer, List<OidcClient> clients, Duration codeLifetime, Duration tokenLifetime,
                                 Duration keyRotation) {

    public FederationSettings {
        Objects.requireNonNull(issuer);
        clients = List.copyOf(clients);
    }
}
