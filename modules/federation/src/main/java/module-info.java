/**
 * Federation: the OpenID Connect provider through which other applications (an intranet, a branch
 * portal) sign their users in with Latchkey.
 *
 * <p>Owns tables prefixed {@code fed_} with their own Flyway history. Requires identity's api (sessions,
 * accounts) and credentials' (its PasskeyRemoved event); the sign-in itself, nudges included, is Latchkey's own page. Every OAuth 2.0
 * and OpenID Connect message and every JOSE object is made and parsed by Nimbus.
 */
module dev.latchkey.federation {
    requires dev.latchkey.platform;
    requires transitive dev.latchkey.identity;
    // PasskeyRemoved only: refresh tokens end when a passkey is removed.
    requires dev.latchkey.credentials;
    requires jakarta.persistence;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires jakarta.annotation;
    requires static jakarta.concurrency;
    requires java.sql;
    requires java.naming;
    requires java.logging;
    requires oauth2.oidc.sdk;
    requires com.nimbusds.jose.jwt;
    requires json.smart;

    exports dev.latchkey.federation.api;

    opens dev.latchkey.federation.internal;
}
