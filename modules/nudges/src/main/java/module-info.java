/**
 * Nudges: which of a user's devices a passkey covers, and when to prompt for the missing ones.
 *
 * <p>Owns tables prefixed {@code ndg_} (its own persistence unit {@code nudges} and Flyway history
 * {@code ndg_schema_history}). Requires platform's, identity's and credentials' api only
 * (education's too, once it uses it).
 */
module dev.latchkey.nudges {
    requires dev.latchkey.platform;
    requires transitive dev.latchkey.identity;
    requires transitive dev.latchkey.credentials;
    requires jakarta.persistence;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires jakarta.annotation;
    requires static jakarta.concurrency;
    requires java.sql;
    requires java.naming;
    requires java.logging;

    exports dev.latchkey.nudges.api;

    // Hibernate and CDI reach the entities and beans reflectively.
    opens dev.latchkey.nudges.internal;
}
