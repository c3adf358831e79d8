package dev.latchkey.nudges.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Runs one module's Flyway migrations with the module's own history table. */
final class ModuleMigrations {

    private ModuleMigrations() {
    }

    static void migrate(DataSource dataSource, String module, String historyTable) {
        // Inside Liberty, Flyway mistakes a class loader named com.ibm... for WebSphere's and then
        // finds no migrations at all (STACK.md); a plain wrapper around the context loader avoids it.
        ClassLoader loader = new ClassLoader(Thread.currentThread().getContextClassLoader()) { };
        Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:META-INF/latchkey/db/" + module)
                .table(historyTable)
                .failOnMissingLocations(true)
                // Modules share one schema: the second module to migrate finds the first one's
                // tables and must not treat that as an unmanaged schema.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
