package dev.latchkey.nudges.api;

import java.util.Optional;

/** Whether the nudges module can serve: its migrations ran, its provider table loaded and its persistence unit answers. */
public interface NudgesReadiness {

    /** @return empty when ready, otherwise what is wrong, in words for an operator */
    Optional<String> problem();
}
