package dev.latchkey.platform.api;

import java.util.Optional;

/**
 * Whether one module can serve: its migrations ran, its persistence unit answers and whatever
 * else it loads at start-up (content, tables of data) loaded. Each module with tables implements
 * it as a CDI bean; the readiness endpoint asks all of them.
 */
public interface ModuleReadiness {

    /** @return the module's name as operators read it, also its key in the readiness report */
    String module();

    /** @return empty when ready, otherwise what is wrong, in words for an operator */
    Optional<String> problem();
}
