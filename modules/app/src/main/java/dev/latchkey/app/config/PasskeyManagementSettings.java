package dev.latchkey.app.config;

import dev.latchkey.credentials.api.ProviderListFile;
import dev.latchkey.identity.api.FallbackSignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of passkey management: the operator's AAGUID list ({@code LATCHKEY_AAGUID_FILE}), the
 * related origins published at {@code /.well-known/webauthn} ({@code LATCHKEY_RELATED_ORIGINS}),
 * and which fallbacks count as another way in when a passkey is removed.
 */
@ApplicationScoped
public class PasskeyManagementSettings {

    private static final Logger LOG = Logger.getLogger(PasskeyManagementSettings.class.getName());

    private final ProviderListFile providerListFile;
    private final List<String> relatedOrigins;

    @Inject
    LatchkeySettings settings;

    public PasskeyManagementSettings() {
        Config config = ConfigProvider.getConfig(PasskeyManagementSettings.class.getClassLoader());
        this.providerListFile = new ProviderListFile(config.getOptionalValue("latchkey.aaguid.file", String.class)
                .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of));
        this.relatedOrigins = List.copyOf(Arrays.stream(config.getOptionalValue("latchkey.related.origins", String.class)
                        .orElse("").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    @Produces
    @Singleton
    ProviderListFile providerListFile() {
        return providerListFile;
    }

    @Produces
    @Singleton
    FallbackSignIns.Offered offeredFallbacks() {
        return new FallbackSignIns.Offered(settings.emailCodeSignIn(), settings.passwordSignIn());
    }

    /**
     * Origins other than ours that may use our RP ID (WebAuthn L3 §5.11, Related Origin Requests).
     * Their ceremonies are verified against {@code LATCHKEY_RP_ORIGINS}, so each must be listed there too.
     */
    public List<String> relatedOrigins() {
        List<String> missing = relatedOrigins.stream().filter(o -> !settings.allowedOrigins().contains(o)).toList();
        if (!missing.isEmpty()) {
            LOG.warning(() -> "LATCHKEY_RELATED_ORIGINS lists " + missing + ", which LATCHKEY_RP_ORIGINS does not:"
                    + " passkey ceremonies from there will be refused until they are added to it.");
        }
        return relatedOrigins;
    }

    public Optional<Path> providerListPath() {
        return providerListFile.path();
    }
}
