package dev.latchkey.federation.api;

/**
 * The provider's signing keys (ES256 and RS256), kept in the database so that every instance signs
 * with the same keys and publishes the same set.
 */
public interface SigningKeys {

    /**
     * Starts a new generation of every algorithm's key. The old keys stop signing at once but stay in
     * the published set until every token they signed has expired, so that clients which cached the
     * set keep verifying (OpenID Connect Core §10.1.1). Two instances rotating at once make one new
     * generation, not two.
     */
    void rotate();
}
