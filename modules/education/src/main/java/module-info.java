/**
 * Education: plain-language passkey help, in context and in several languages.
 *
 * <p>Owns help articles (Markdown content files under {@code META-INF/latchkey/articles/}),
 * contextual tips (message bundles under {@code META-INF/latchkey/tips/}) and "Was this
 * helpful?" feedback in tables prefixed {@code edu_}. Requires no other Latchkey module; callers
 * reach it only through {@link dev.latchkey.education.api}.
 */
module dev.latchkey.education {
    requires dev.latchkey.platform;
    requires jakarta.persistence;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires jakarta.annotation;
    requires static jakarta.concurrency;
    requires java.sql;
    requires java.naming;
    requires java.logging;
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
    // No module name of its own: the file name gives the automatic module name.
    requires owasp.java.html.sanitizer;

    exports dev.latchkey.education.api;

    // Hibernate and CDI reach the entities and beans reflectively.
    opens dev.latchkey.education.internal;
}
