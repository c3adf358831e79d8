package dev.latchkey.education.api;

import java.util.Optional;

/**
 * Whether the education module can serve: its articles and tips loaded, its migrations ran and
 * its persistence unit answers.
 */
public interface EducationReadiness {

    /** @return empty when ready, otherwise what is wrong, in words for an operator */
    Optional<String> problem();
}
