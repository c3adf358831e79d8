package dev.latchkey.federation.api;

import dev.latchkey.identity.api.StepUpProof;
import java.util.List;
import java.util.Optional;

/**
 * The registered applications as operators may see them (read-only: they are registered in the
 * clients file): what each may do, never a secret or its hash.
 */
public interface RegisteredClients {

    /**
     * Every registered client, by name. Checks the staff member's permission again with the proof
     * ({@code Staff.confirm}, {@code Permission.OIDC_CLIENTS}).
     */
    List<Summary> list(StepUpProof proof);

    /**
     * One client, without its credentials.
     *
     * @param authMethod   {@code client_secret_basic}, {@code private_key_jwt} or {@code none} (public, PKCE)
     * @param keyIds       for {@code private_key_jwt}, the ids of its registered public keys
     * @param subjectType  {@code public} or {@code pairwise}
     */
    record Summary(String id, String name, String authMethod, List<String> keyIds, List<String> redirectUris,
                   List<String> postLogoutRedirectUris, String idTokenAlg, Optional<String> requiredAcr,
                   Optional<String> backchannelLogoutUri, String subjectType) {

        public Summary {
            keyIds = List.copyOf(keyIds);
            redirectUris = List.copyOf(redirectUris);
            postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        }
    }
}
