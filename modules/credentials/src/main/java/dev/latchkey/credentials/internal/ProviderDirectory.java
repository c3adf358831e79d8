package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyProvider;
import dev.latchkey.credentials.api.PasskeyProviders;
import dev.latchkey.credentials.api.ProviderListFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AAGUID list in use: the operator's file when one is configured and readable, otherwise
 * the copy shipped in this module ({@value #SHIPPED}). Read once, at start-up. Whatever goes
 * wrong is logged and leaves an empty or the shipped list: names are a courtesy, and neither
 * sign-in nor readiness depends on them.
 */
@ApplicationScoped
class ProviderDirectory implements PasskeyProviders {

    static final String SHIPPED = "/META-INF/latchkey/aaguid/aaguid.json";
    private static final Logger LOG = Logger.getLogger(ProviderDirectory.class.getName());

    @Inject
    ProviderListFile file;

    private volatile Map<UUID, PasskeyProvider> providers;

    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        providers();
    }

    @Override
    public Optional<PasskeyProvider> of(UUID aaguid) {
        return aaguid == null ? Optional.empty() : Optional.ofNullable(providers().get(aaguid));
    }

    @Override
    public int size() {
        return providers().size();
    }

    private Map<UUID, PasskeyProvider> providers() {
        Map<UUID, PasskeyProvider> p = providers;
        if (p == null) {
            synchronized (this) {
                if (providers == null) {
                    providers = load(file == null ? Optional.empty() : file.path(),
                            () -> ProviderDirectory.class.getResourceAsStream(SHIPPED));
                }
                p = providers;
            }
        }
        return p;
    }

    interface Source {
        InputStream open() throws IOException;
    }

    /** Chooses and reads the list; every outcome but plain success is logged as a warning. */
    static Map<UUID, PasskeyProvider> load(Optional<Path> operatorFile, Source shipped) {
        if (operatorFile.isPresent()) {
            Path path = operatorFile.get();
            try (InputStream in = Files.newInputStream(path)) {
                AaguidList.Parsed parsed = AaguidList.parse(in);
                report(parsed, "LATCHKEY_AAGUID_FILE " + path);
                return parsed.providers();
            } catch (IOException | AaguidList.Unreadable | RuntimeException e) {
                LOG.warning(() -> "Passkey provider names: LATCHKEY_AAGUID_FILE " + path + " was not used because "
                        + (e instanceof IOException ? "it could not be read (" + e + ")" : e.getMessage())
                        + ". Using the list shipped with Latchkey instead.");
            }
        }
        try (InputStream in = shipped.open()) {
            if (in == null) {
                throw new IOException("resource " + SHIPPED + " is missing");
            }
            AaguidList.Parsed parsed = AaguidList.parse(in);
            report(parsed, "the shipped list");
            return parsed.providers();
        } catch (IOException | AaguidList.Unreadable | RuntimeException e) {
            LOG.log(Level.WARNING, "Passkey provider names: the shipped AAGUID list could not be used ("
                    + e.getMessage() + "). Passkeys are named after the device that created them.", e);
            return Map.of();
        }
    }

    private static void report(AaguidList.Parsed parsed, String source) {
        if (parsed.providers().isEmpty()) {
            LOG.warning(() -> "Passkey provider names: " + source + " names no providers (" + parsed.skipped()
                    + " entries skipped). Passkeys are named after the device that created them.");
        } else if (parsed.skipped() > 0) {
            LOG.warning(() -> "Passkey provider names: " + parsed.providers().size() + " providers from " + source
                    + "; " + parsed.skipped() + " malformed entries skipped.");
        } else {
            LOG.info(() -> "Passkey provider names: " + parsed.providers().size() + " providers from " + source + ".");
        }
    }
}
