package dev.latchkey.credentials.api;

import java.util.Optional;

/** Whether the credentials module can serve: its migrations ran and its persistence unit answers. */
public interface CredentialsReadiness {

    /** @return empty when ready, otherwise what is wrong, in words for an operator */
    Optional<String> problem();
}
