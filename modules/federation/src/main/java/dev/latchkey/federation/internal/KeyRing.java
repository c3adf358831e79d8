package dev.latchkey.federation.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.federation.api.FederationSettings;
import dev.latchkey.federation.api.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signing keys in {@code fed_signing_key}: the newest generation of each algorithm signs; a key
 * retired by rotation is published for {@link #overlap()} more (the lifetime of the tokens it signed,
 * plus a margin for clock skew and cached key sets), then left out.
 */
@ApplicationScoped
class KeyRing implements SigningKeys {

    static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Inject
    KeyGenerations generations;

    @Inject
    FederationSettings settings;

    Duration overlap() {
        return settings.tokenLifetime().plus(Duration.ofMinutes(5));
    }

    /** Signs the claims with the current key of {@code alg}, creating or rotating it first when due. */
    @Transactional
    SignedJWT sign(JWSAlgorithm alg, JWTClaimsSet claims) {
        return sign(alg, JOSEObjectType.JWT, claims);
    }

    /** As {@link #sign(JWSAlgorithm, JWTClaimsSet)}, with another {@code typ} ({@code logout+jwt}). */
    @Transactional
    SignedJWT sign(JWSAlgorithm alg, JOSEObjectType type, JWTClaimsSet claims) {
        JWK key = current(alg);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(type).build(), claims);
        try {
            jwt.sign(alg.equals(JWSAlgorithm.ES256) ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with " + key.getKeyID() + ": " + e.getMessage(), e);
        }
        return jwt;
    }

    /** The published set: public parts only. */
    @Transactional
    JWKSet published() {
        ALGORITHMS.forEach(this::current);
        List<?> rows = em.createNativeQuery("select jwk from fed_signing_key where retired_at is null"
                        + " or retired_at > current_timestamp - interval '" + overlap().toSeconds() + "' second"
                        + " order by alg, generation desc")
                .getResultList();
        List<JWK> keys = new ArrayList<>();
        for (Object row : rows) {
            keys.add(parse((String) row).toPublicJWK());
        }
        return new JWKSet(keys);
    }

    @Override
    @Transactional
    public void rotate() {
        for (JWSAlgorithm alg : ALGORITHMS) {
            int generation = newest(alg).map(Row::generation).orElse(0);
            write(alg, generation + 1);
        }
    }

    private JWK current(JWSAlgorithm alg) {
        Optional<Row> newest = newest(alg);
        if (newest.isEmpty()) {
            write(alg, 1);
        } else if (newest.get().due()) {
            write(alg, newest.get().generation() + 1);
        } else {
            return parse(newest.get().jwk());
        }
        return parse(newest(alg).orElseThrow(() -> new IllegalStateException("no " + alg + " signing key")).jwk());
    }

    /** Another instance writing the same generation first is not an error: its key is used. */
    private void write(JWSAlgorithm alg, int generation) {
        try {
            generations.write(alg, generation);
        } catch (RuntimeException lostTheRace) {
            java.util.logging.Logger.getLogger(KeyRing.class.getName()).fine(() -> alg + " generation " + generation
                    + " was written by another instance: " + lostTheRace.getMessage());
        }
    }

    private record Row(int generation, String jwk, boolean due) {
    }

    private Optional<Row> newest(JWSAlgorithm alg) {
        List<?> rows = em.createNativeQuery("select generation, jwk, case when created_at < current_timestamp - interval '"
                        + settings.keyRotation().toSeconds() + "' second then 1 else 0 end"
                        + " from fed_signing_key where alg = ? order by generation desc limit 1")
                .setParameter(1, alg.getName()).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new Row(((Number) c[0]).intValue(), (String) c[1], ((Number) c[2]).intValue() == 1);
        });
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a stored signing key does not parse: " + e.getMessage(), e);
        }
    }
}
