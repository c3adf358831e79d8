package dev.latchkey.identity.api;

import java.util.Optional;

/** Whether the identity module can serve: its migrations ran and its persistence unit answers. */
public interface IdentityReadiness {

    /** @return empty when ready, otherwise what is wrong, in words for an operator */
    Optional<String> problem();
}
