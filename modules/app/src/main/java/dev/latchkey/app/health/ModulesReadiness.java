package dev.latchkey.app.health;

import dev.latchkey.platform.api.ModuleReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
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

    /** One per module with tables (identity, credentials, education, nudges, ...). */
    @Inject
    Instance<ModuleReadiness> modules;

    @Override
    public HealthCheckResponse call() {
        // The endpoint answers anyone who can reach the port: it says which module is not ready,
        // and the details (which may name tables or hosts) go to the server log only.
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("latchkey-modules");
        boolean ready = !modules.isUnsatisfied(); // no module answering is not "all ready"
        for (ModuleReadiness module : modules.stream().sorted(Comparator.comparing(ModuleReadiness::module)).toList()) {
            Optional<String> problem = module.problem();
            builder.withData(module.module(), state(module.module(), problem));
            ready &= problem.isEmpty();
        }
        return (ready ? builder.up() : builder.down()).build();
    }

    private static String state(String module, Optional<String> problem) {
        problem.ifPresent(p -> LOG.warning(() -> "Readiness: " + module + ": " + p));
        return problem.isPresent() ? "not ready (see the server log)" : "ready";
    }
}
