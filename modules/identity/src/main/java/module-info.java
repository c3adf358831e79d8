/**
 * Identity: who a user is and how they are signed in.
 *
 * <p>Owns accounts, sessions and (later) fallback sign-in, recovery, devices and sign-in events,
 * in tables prefixed {@code idn_}. Requires no other Latchkey module; higher modules reach it only
 * through {@link dev.latchkey.identity.api}.
 */
module dev.latchkey.identity {
    requires dev.latchkey.platform;
    requires jakarta.persistence;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires jakarta.annotation;
    // Mail and managed threads are used only by the outbox inside the container; modules that
    // run identity's API in their own unit tests (on the module path) need not carry them.
    requires static jakarta.mail;
    requires static jakarta.concurrency;
    requires java.sql;
    requires java.naming;
    requires nl.basjes.parse.useragent;
    // Argon2id for passwords (Argon2BytesGenerator); nothing else of Bouncy Castle is used.
    requires org.bouncycastle.provider;
    // Mail subjects and bodies are rendered from TEXT templates (English and German).
    requires thymeleaf;

    exports dev.latchkey.identity.api;

    // Hibernate and CDI reach the entities and beans reflectively (on the class path at run time
    // inside Liberty, but stated here so the module is honest on the module path too).
    opens dev.latchkey.identity.internal;
}
