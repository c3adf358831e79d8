package dev.latchkey.federation.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Writes a new generation of a signing key, in a transaction of its own: when two instances write the
 * same generation at once, the unique constraint {@code (alg, generation)} refuses the second, whose
 * caller then reads the winner's key. Nothing is locked and no key is ever overwritten.
 */
@ApplicationScoped
class KeyGenerations {

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void write(JWSAlgorithm alg, int generation) {
        JWK key = generate(alg);
        em.createNativeQuery("insert into fed_signing_key (kid, alg, generation, jwk, created_at)"
                        + " values (?, ?, ?, ?, current_timestamp)")
                .setParameter(1, key.getKeyID())
                .setParameter(2, alg.getName())
                .setParameter(3, generation)
                .setParameter(4, key.toJSONString())
                .executeUpdate();
        // The older generations stop signing now; they stay published until their tokens expire.
        em.createNativeQuery("update fed_signing_key set retired_at = current_timestamp"
                        + " where alg = ? and generation < ? and retired_at is null")
                .setParameter(1, alg.getName())
                .setParameter(2, generation)
                .executeUpdate();
        em.flush();
    }

    private static JWK generate(JWSAlgorithm alg) {
        String kid = alg.getName().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        try {
            if (JWSAlgorithm.ES256.equals(alg)) {
                return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate();
            }
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + alg + " key: " + e.getMessage(), e);
        }
    }
}
