package dev.latchkey.app.health;

import dev.latchkey.credentials.api.CredentialsReadiness;
import dev.latchkey.education.api.EducationReadiness;
import dev.latchkey.identity.api.IdentityReadiness;
import dev.latchkey.nudges.api.NudgesReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: ready only when every module with tables has migrated them and its
 * persistence unit answers. A failed EntityManagerFactory does not fail Liberty's start; this does
 * keep a load balancer from sending users to such an instance.
 */
@Readiness
@ApplicationScoped
public class ModulesReadiness implements HealthCheck {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ModulesReadiness.class.getName());

    @Inject
    IdentityReadiness identity;

    @Inject
    CredentialsReadiness credentials;

    @Inject
    EducationReadiness education;

    @Inject
    NudgesReadiness nudges;

    @Override
    public HealthCheckResponse call() {
        Optional<String> identityProblem = identity.problem();
        Optional<String> credentialsProblem = credentials.problem();
        Optional<String> educationProblem = education.problem();
        Optional<String> nudgesProblem = nudges.problem();
        // The endpoint answers anyone who can reach the port: it says which module is not ready,
        // and the details (which may name tables or hosts) go to the server log only.
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("latchkey-modules")
                .withData("identity", state("identity", identityProblem))
                .withData("credentials", state("credentials", credentialsProblem))
                .withData("education", state("education", educationProblem))
                .withData("nudges", state("nudges", nudgesProblem));
        boolean ready = identityProblem.isEmpty() && credentialsProblem.isEmpty() && educationProblem.isEmpty()
                && nudgesProblem.isEmpty();
        return (ready ? builder.up() : builder.down()).build();
    }

    private static String state(String module, Optional<String> problem) {
        problem.ifPresent(p -> LOG.warning(() -> "Readiness: " + module + ": " + p));
        return problem.isPresent() ? "not ready (see the server log)" : "ready";
    }
}
