/**
 * Nudges: which of a user's devices a passkey covers, and when to prompt for the missing ones.
 *
 * <p>Owns tables prefixed {@code ndg_} (its own persistence unit {@code nudges} and Flyway history
 * {@code ndg_schema_history}). Requires identity's, credentials' and education's api only.
 */
module dev.latchkey.nudges {
    requires transitive dev.latchkey.identity;
    requires transitive dev.latchkey.credentials;
    requires dev.latchkey.education;
    requires jakarta.persistence;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires jakarta.annotation;
    // The purge job runs on a managed scheduled executor inside the container only.
    requires static jakarta.concurrency;
    requires java.sql;
    requires java.naming;
    requires java.logging;
    requires flyway.core;

    exports dev.latchkey.nudges.api;

    // Hibernate and CDI reach the entities and beans reflectively.
    opens dev.latchkey.nudges.internal;
}
