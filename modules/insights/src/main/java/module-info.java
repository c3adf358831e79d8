/**
 * Insights: what staff see of coverage, fallback use and nudge conversion, and the audit of what
 * staff looked up.
 *
 * <p>Owns tables prefixed {@code ins_} (its own persistence unit {@code insights} and Flyway
 * history {@code ins_schema_history}). Reads the other modules through their apis and the CDI
 * events they fire after commit; never touches their tables.
 */
module dev.latchkey.insights {
    requires dev.latchkey.platform;
    requires transitive dev.latchkey.identity;
    requires transitive dev.latchkey.credentials;
    requires transitive dev.latchkey.nudges;
    requires dev.latchkey.education;
    requires jakarta.persistence;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires jakarta.annotation;
    requires static jakarta.concurrency;
    requires java.sql;
    requires java.naming;
    requires java.logging;

    exports dev.latchkey.insights.api;

    // Hibernate and CDI reach the entities and beans reflectively.
    opens dev.latchkey.insights.internal;
}
