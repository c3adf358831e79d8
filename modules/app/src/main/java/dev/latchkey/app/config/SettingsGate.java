package dev.latchkey.app.config;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs {@link SettingsCheck} when the application starts (the first listener in web.xml): with any problem
 * the start fails, Liberty does not start the application, and nothing is served. One log line names
 * every problem, so that an operator fixes them in one go.
 */
public class SettingsGate implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SettingsGate.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig(SettingsGate.class.getClassLoader());
        List<String> problems = SettingsCheck.problems(
                name -> config.getOptionalValue(name, String.class).orElse(null), System::getenv);
        if (!problems.isEmpty()) {
            String message = "Latchkey refuses to start: " + problems.size() + " setting problem(s): "
                    + String.join("; ", problems);
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
        LOG.info("Latchkey settings checked" + (Boolean.parseBoolean(config.getOptionalValue("latchkey.production",
                String.class).orElse("false")) ? " (production mode)" : ""));
        LOG.info(SettingsCheck.mailDestination(name -> config.getOptionalValue(name, String.class).orElse(null)));
    }
}
