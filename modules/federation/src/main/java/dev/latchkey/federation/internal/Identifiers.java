package dev.latchkey.federation.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identifiers Latchkey gives clients, derived with HMAC-SHA256 (JCA) under a key kept in
 * {@code fed_identifier_key}: stable for every instance and across restarts, unguessable, and different
 * for every client, so that two clients cannot tell from them that they see the same session.
 */
@ApplicationScoped
@Transactional
class Identifiers {

    private static final String KEY = "identifiers";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    private volatile byte[] key;

    /**
     * The {@code sid} of ID tokens and logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.1,
     * Front-Channel Logout 1.0 §3): one Latchkey session as one client knows it.
     */
    String sid(String clientId, UUID sessionId) {
        return derive("sid\n" + clientId + "\n" + sessionId);
    }

    /**
     * The {@code sub} a client sees (Core §8): the account's id for a public client; for a pairwise one a
     * keyed hash of its sector and the account (Core §8.1), so that clients of different sectors cannot
     * join what they know of a person by it, and no client can recover the account's id from it.
     */
    String subject(dev.latchkey.federation.api.OidcClient client, UUID accountId) {
        return client.pairwise() ? derive("sub\n" + client.sector() + "\n" + accountId) : accountId.toString();
    }

    String derive(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK: " + e.getMessage(), e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // Two instances starting at once: the primary key keeps the first, both read it back.
        em.createNativeQuery("insert into fed_identifier_key (name, secret, created_at) values (?, ?, current_timestamp)"
                        + " on conflict do nothing")
                .setParameter(1, KEY).setParameter(2, fresh).executeUpdate();
        byte[] stored = (byte[]) em.createNativeQuery("select secret from fed_identifier_key where name = ?")
                .setParameter(1, KEY).getSingleResult();
        key = stored;
        return stored;
    }
}
