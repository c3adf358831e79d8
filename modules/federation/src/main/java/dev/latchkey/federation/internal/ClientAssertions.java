package dev.latchkey.federation.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.ExpendedJTIChecker;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.auth.verifier.JWTAudienceCheck;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import dev.latchkey.federation.api.FederationSettings;
import dev.latchkey.federation.api.OidcClient;
import dev.latchkey.platform.api.Sha256;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code private_key_jwt} client authentication (RFC 7523 §3, OpenID Connect Core §9): the client signs
 * an assertion with a key whose public part it registered inline ({@code jwks} in the clients file).
 * Nimbus's {@link ClientAuthenticationVerifier} checks it: signature against the registered keys, iss and
 * sub equal to the client_id, aud naming this provider (its issuer or token endpoint), exp not passed
 * (and at most {@link #MAX_AHEAD_SECONDS} ahead). Its jti is spent here, in {@code fed_client_assertion}:
 * an assertion is accepted once, also when two instances receive it at the same moment.
 */
@ApplicationScoped
class ClientAssertions {

    /** How far in the future an assertion's exp may lie: its jti is remembered until then. */
    static final long MAX_AHEAD_SECONDS = 600;

    /** The algorithms an assertion may be signed with (asymmetric only; no "none", no HMAC). */
    static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Inject
    FederationSettings settings;

    private Map<String, JWKSet> keys;
    private ClientAuthenticationVerifier<Attempt> verifier;

    /** Why an assertion was refused, for the audit log ({@code fed_event.reason}). */
    enum Refusal {
        CLIENT_ASSERTION_INVALID, CLIENT_ASSERTION_EXPIRED, CLIENT_ASSERTION_REPLAYED
    }

    /** The outcome: the client on success, otherwise why not. */
    record Outcome(Optional<OidcClient> client, Optional<Refusal> refusal) {
    }

    /** What one verification learnt from Nimbus's callbacks. */
    static final class Attempt {
        boolean replayed;
        boolean spent;
    }

    @PostConstruct
    void init() {
        keys = settings.clients().stream().filter(c -> c.jwks().isPresent())
                .collect(Collectors.toUnmodifiableMap(OidcClient::id, c -> parse(c.jwks().orElseThrow())));
        verifier = new ClientAuthenticationVerifier<>(new Selector(),
                (com.nimbusds.oauth2.sdk.auth.verifier.PKIClientX509CertificateBindingVerifier<Attempt>) null,
                // Core §9: aud "SHOULD be the URL of the Authorization Server's Token Endpoint"; RFC 7523bis
                // prefers the issuer. Either, nothing else (LEGACY also accepts several values with one of them).
                Set.of(new Audience(settings.issuer()), new Audience(settings.issuer() + "/oidc/token")),
                JWTAudienceCheck.LEGACY, new Spent(), MAX_AHEAD_SECONDS);
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("registered jwks no longer parses: " + e.getMessage(), e);
        }
    }

    /** Runs in the caller's transaction: the spent jti commits with what the assertion authorised. */
    @Transactional(Transactional.TxType.MANDATORY)
    Outcome verify(PrivateKeyJWT assertion) {
        String id = assertion.getClientID().getValue();
        Optional<OidcClient> client = settings.clients().stream().filter(c -> c.id().equals(id)).findFirst()
                .filter(c -> keys.containsKey(c.id()));
        if (client.isEmpty()) {
            return refused(Refusal.CLIENT_ASSERTION_INVALID);
        }
        JWTID jti = assertion.getJWTAuthenticationClaimsSet().getJWTID();
        if (jti == null || jti.getValue().isBlank()) {
            // Core §9: jti is REQUIRED; without it a captured assertion could be replayed until it expires.
            return refused(Refusal.CLIENT_ASSERTION_INVALID);
        }
        Context<Attempt> context = new Context<>();
        Attempt attempt = new Attempt();
        context.set(attempt);
        try {
            verifier.verify(assertion, null, context);
        } catch (InvalidClientException | JOSEException | RuntimeException e) {
            if (attempt.replayed) {
                return refused(Refusal.CLIENT_ASSERTION_REPLAYED);
            }
            Date exp = assertion.getJWTAuthenticationClaimsSet().getExpirationTime();
            return refused(exp != null && exp.before(new Date()) ? Refusal.CLIENT_ASSERTION_EXPIRED
                    : Refusal.CLIENT_ASSERTION_INVALID);
        }
        if (!attempt.spent) {
            // Another request spent the same jti between our check and our insert.
            return refused(Refusal.CLIENT_ASSERTION_REPLAYED);
        }
        return new Outcome(client, Optional.empty());
    }

    private static Outcome refused(Refusal refusal) {
        return new Outcome(Optional.empty(), Optional.of(refusal));
    }

    private static byte[] jtiHash(ClientID client, JWTID jti) {
        return Sha256.of(client.getValue() + "\n" + jti.getValue());
    }

    /** The registered public keys that may have signed this header: matching kid (when named) and key type. */
    private final class Selector implements ClientCredentialsSelector<Attempt> {

        @Override
        public List<Secret> selectClientSecrets(ClientID clientID, ClientAuthenticationMethod method, Context<Attempt> context)
                throws InvalidClientException {
            // client_secret_jwt (HMAC) is not offered: only a hash of a client's secret is stored.
            throw InvalidClientException.NOT_REGISTERED_FOR_AUTH_METHOD;
        }

        @Override
        public List<? extends PublicKey> selectPublicKeys(ClientID clientID, ClientAuthenticationMethod method,
                                                          JWSHeader header, boolean forceRefresh, Context<Attempt> context) {
            JWKSet set = keys.get(clientID.getValue());
            if (set == null || !ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)
                    || !ALGORITHMS.contains(header.getAlgorithm())) {
                return List.of();
            }
            List<JWK> matches = new JWKSelector(JWKMatcher.forJWSHeader(header)).select(set);
            return KeyConverter.toJavaKeys(matches).stream()
                    .filter(PublicKey.class::isInstance).map(PublicKey.class::cast).toList();
        }
    }

    /** Single use of jti: checked before the signature, spent (race-free) after it verified. */
    private final class Spent implements ExpendedJTIChecker<Attempt> {

        @Override
        public boolean isExpended(JWTID jti, ClientID clientID, ClientAuthenticationMethod method, Context<Attempt> context) {
            boolean seen = ((Number) em.createNativeQuery("select count(*) from fed_client_assertion where jti_hash = ?")
                    .setParameter(1, jtiHash(clientID, jti)).getSingleResult()).intValue() > 0;
            context.get().replayed = seen;
            return seen;
        }

        @Override
        public void markExpended(JWTID jti, Date exp, ClientID clientID, ClientAuthenticationMethod method,
                                 Context<Attempt> context) {
            // One row per jti: of two concurrent requests with the same assertion only one inserts.
            int inserted = em.createNativeQuery("insert into fed_client_assertion (jti_hash, client_id, expires_at)"
                            + " values (?, ?, ?) on conflict do nothing")
                    .setParameter(1, jtiHash(clientID, jti)).setParameter(2, clientID.getValue())
                    .setParameter(3, exp.toInstant()).executeUpdate();
            context.get().spent = inserted == 1;
        }
    }
}
