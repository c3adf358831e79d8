package dev.latchkey.federation.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.latchkey.federation.api.FederationSettings;
import dev.latchkey.federation.api.OidcClient;
import dev.latchkey.federation.api.RegisteredClients;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;

/** The clients file, read-only, for the operator console: the client's secret hash never leaves this module. */
@ApplicationScoped
class StaffClientDirectory implements RegisteredClients {

    @Inject
    FederationSettings settings;

    @Inject
    Staff staff;

    @Override
    @Transactional
    public List<Summary> list(StepUpProof proof) {
        // OWASP ASVS V4.1.3: the use case checks the permission itself, not only the page.
        staff.confirm(proof, Permission.OIDC_CLIENTS);
        return settings.clients().stream()
                .sorted(Comparator.comparing(OidcClient::name, String.CASE_INSENSITIVE_ORDER).thenComparing(OidcClient::id))
                .map(StaffClientDirectory::summary)
                .toList();
    }

    private static Summary summary(OidcClient client) {
        return new Summary(client.id(), client.name(), client.authMethod(), keyIds(client), client.redirectUris(),
                client.postLogoutRedirectUris(), client.idTokenAlg(), client.requiredAcr(), client.backchannelLogoutUri(),
                client.subjectType());
    }

    private static List<String> keyIds(OidcClient client) {
        return client.jwks().map(json -> {
            try {
                return JWKSet.parse(json).getKeys().stream().map(JWK::getKeyID).toList();
            } catch (java.text.ParseException e) {
                return List.<String>of();
            }
        }).orElse(List.of());
    }
}
