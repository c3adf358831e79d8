/**
 * Platform: the ground floor every Latchkey module may stand on, and which stands on no module of ours.
 *
 * <p>Holds what each module would otherwise copy: running its Flyway migrations and checking its
 * persistence unit ({@link dev.latchkey.platform.api.ModuleSchema}), saying whether it can serve
 * ({@link dev.latchkey.platform.api.ModuleReadiness}), SHA-256, the stored time and the values of
 * native query rows. No domain words live here: no accounts, passkeys or nudges.
 */
module dev.latchkey.platform {
    // ModuleSchema's methods take a DataSource and JPA's EntityManagerFactory / EntityManager.
    requires transitive java.sql;
    requires transitive jakarta.persistence;
    // BatchDelete takes a UserTransaction.
    requires transitive jakarta.transaction;
    requires java.logging;
    requires flyway.core;

    exports dev.latchkey.platform.api;
}
