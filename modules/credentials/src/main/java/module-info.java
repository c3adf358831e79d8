/**
 * Credentials: passkeys and the WebAuthn ceremonies that create and use them (webauthn4j).
 *
 * <p>Owns tables prefixed {@code cred_}. Requires identity's api only (accounts and user handles).
 */
module dev.latchkey.credentials {
    requires dev.latchkey.platform;
    requires transitive dev.latchkey.identity;
    requires jakarta.persistence;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires jakarta.annotation;
    requires static jakarta.concurrency;
    requires java.sql;
    requires java.naming;
    requires com.webauthn4j.core;
    requires tools.jackson.databind;
    requires org.bouncycastle.provider;

    exports dev.latchkey.credentials.api;

    opens dev.latchkey.credentials.internal;
}
