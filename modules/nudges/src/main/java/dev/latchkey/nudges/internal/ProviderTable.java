package dev.latchkey.nudges.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shipped provider-to-platform table, loaded once. A broken table keeps readiness DOWN (the
 * log names the line) and, meanwhile, nothing is "likely covered": coverage never claims more
 * than it knows, and sign-in is never affected.
 */
@ApplicationScoped
class ProviderTable {

    private static final Logger LOG = Logger.getLogger(ProviderTable.class.getName());

    private volatile ProviderReach reach;
    private volatile String problem;

    ProviderReach reach() {
        load();
        return reach;
    }

    Optional<String> problem() {
        load();
        return Optional.ofNullable(problem);
    }

    private synchronized void load() {
        if (reach != null) {
            return;
        }
        try {
            reach = ProviderReach.load();
        } catch (RuntimeException e) {
            problem = "nudges provider table not loaded: " + e.getMessage();
            LOG.log(Level.SEVERE, problem, e);
            reach = ProviderReach.empty();
        }
    }
}
