package dev.latchkey.credentials.internal;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.anchor.KeyStoreTrustAnchorRepository;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.verifier.attestation.statement.androidkey.AndroidKeyAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.apple.AppleAnonymousAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.tpm.TPMAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.u2f.FIDOU2FAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.DefaultCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.CertificateException;
import com.webauthn4j.verifier.exception.SelfAttestationProhibitedException;
import com.webauthn4j.verifier.exception.TrustAnchorNotFoundException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.CeremonyRejected.Reason;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.credentials.api.RegistrationPolicy;
import dev.latchkey.credentials.api.RegistrationPolicy.Attachment;
import dev.latchkey.credentials.api.RegistrationPolicy.Attestation;
import dev.latchkey.credentials.api.RegistrationPolicy.UserVerification;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The deployment's {@link RegistrationPolicy} applied to WebAuthn registration (L3 §7.1,
 * {@code #sctn-registering-a-new-credential}): what the creation options ask for, how the
 * attestation is verified, and which verified passkeys are refused. Every refusal carries a
 * sentence for the user and a reason code; the caller stores nothing then.
 *
 * <p>Does NOT consult the FIDO Metadata Service (nothing may be fetched at run time): trust comes
 * only from the operator's PEM file, and no revocation is checked.
 */
@ApplicationScoped
class RegistrationRules {

    private static final Logger LOG = Logger.getLogger(RegistrationRules.class.getName());

    @Inject
    RegistrationPolicy policy;

    private WebAuthnManager verifier;
    private final List<String> problems = new ArrayList<>();

    @PostConstruct
    void build() {
        problems.addAll(policy.problems());
        if (policy.attestation() == Attestation.NONE) {
            // Attestation statements are not checked: with conveyance "none" there is usually none to check.
            verifier = WebAuthnManager.createNonStrictWebAuthnManager(new ObjectConverter());
            return;
        }
        KeyStore anchors = policy.trustAnchors().map(this::loadAnchors).orElse(null);
        if (anchors == null) {
            anchors = emptyKeyStore();
        }
        // #reg-ceremony-attestation-trust-anchors: the acceptable roots come from the operator's
        // policy (a PEM file), whatever the AAGUID. #reg-ceremony-assess-trust: self attestation is
        // refused, and "none" has no verifier here, so only a statement that chains to one of them passes.
        DefaultCertPathTrustworthinessVerifier certPaths =
                new DefaultCertPathTrustworthinessVerifier(new KeyStoreTrustAnchorRepository(anchors));
        certPaths.setRevocationCheckEnabled(false);
        verifier = new WebAuthnManager(
                List.of(new PackedAttestationStatementVerifier(), new FIDOU2FAttestationStatementVerifier(),
                        new AndroidKeyAttestationStatementVerifier(), new TPMAttestationStatementVerifier(),
                        new AppleAnonymousAttestationStatementVerifier()),
                certPaths,
                new DefaultSelfAttestationTrustworthinessVerifier(false),
                new ObjectConverter());
    }

    /** Says at start-up what new passkeys must be, and whether that is enforced or advisory. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info("Latchkey registration policy: " + policy.describe());
        if (!problems.isEmpty()) {
            LOG.severe("Latchkey registration policy is NOT usable, so no passkey can be registered until it is"
                    + " fixed: " + String.join("; ", problems));
        } else if (policy.enforced()) {
            LOG.info("Latchkey registration policy is ENFORCED: attestation must chain to a configured trust anchor.");
        } else if (policy.restrictive()) {
            LOG.warning("Latchkey registration policy is ADVISORY: with attestation 'none' the AAGUID, the flags and"
                    + " the attachment are the browser's own claims. Set LATCHKEY_ATTESTATION_CONVEYANCE=direct and"
                    + " LATCHKEY_ATTESTATION_TRUST_ANCHORS to enforce it.");
        }
    }

    /** @return what keeps the policy from working, in words for an operator */
    Optional<String> problem() {
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("registration policy not usable: " + String.join("; ", problems));
    }

    boolean userVerificationRequired() {
        return policy.userVerification() == UserVerification.REQUIRED;
    }

    int passkeyCap() {
        return policy.passkeyCap();
    }

    /** Refuses to start a registration while the policy is broken, or for a kind of passkey it excludes. */
    void checkStart(Optional<Hint> where) {
        if (!problems.isEmpty()) {
            throw new CeremonyRejected(Reason.POLICY_UNAVAILABLE, "New passkeys cannot be saved right now because of"
                    + " a settings problem on our side. Please try again later, or tell your administrator.");
        }
        if (where.isPresent() && !policy.allows(where.get())) {
            throw attachmentRefused();
        }
    }

    /** {@code #dictdef-authenticatorselectioncriteria} for this policy and the user's choice. */
    CreationOptions.AuthenticatorSelection selection(Optional<Hint> where) {
        String attachment = where.map(Hint::attachment).orElse(policy.attachment()).value().orElse(null);
        return new CreationOptions.AuthenticatorSelection("required", true,
                policy.userVerification() == UserVerification.REQUIRED ? "required" : "preferred", attachment);
    }

    /** L3 hints ({@code #dom-publickeycredentialcreationoptions-hints}): the user's choice, else the policy's. */
    List<String> hints(Optional<Hint> where) {
        if (where.isPresent()) {
            return List.of(where.get().value());
        }
        return switch (policy.attachment()) {
            case ANY -> List.of();
            case PLATFORM -> List.of(Hint.CLIENT_DEVICE.value());
            case CROSS_PLATFORM -> List.of(Hint.SECURITY_KEY.value(), Hint.HYBRID.value());
        };
    }

    /** {@code #enum-attestation-convey}: ask for attestation only when it will be verified. */
    String conveyance() {
        return policy.attestation() == Attestation.DIRECT ? "direct" : "none";
    }

    /**
     * §7.1 steps 7 to 23 with webauthn4j, under this policy: user verification when required, the
     * attestation statement ({@code #reg-ceremony-verify-attestation}) and its trust
     * ({@code #reg-ceremony-assess-trust}) when attestation is direct.
     */
    void verify(RegistrationData data, RegistrationParameters parameters) {
        checkStart(Optional.empty());
        if (policy.attestation() == Attestation.DIRECT
                && "none".equals(data.getAttestationObject().getFormat())) {
            // #reg-ceremony-assess-trust: "If no attestation was provided, verify that None
            // attestation is acceptable under Relying Party policy." Under direct it is not.
            throw attestationRefused(null);
        }
        try {
            verifier.verify(data, parameters);
        } catch (UserNotVerifiedException e) {
            // §7.1 "If the Relying Party requires user verification for this registration, verify
            // that the UV bit of the flags in authData is set."
            throw new CeremonyRejected(Reason.USER_VERIFICATION_REQUIRED, "This organisation only accepts passkeys that"
                    + " check it is you, with a fingerprint, your face or a PIN. Set up a PIN or screen lock on your"
                    + " device or security key, then try again.", e);
        } catch (TrustAnchorNotFoundException | CertificateException | SelfAttestationProhibitedException
                 | BadAttestationStatementException e) {
            if (policy.attestation() == Attestation.DIRECT) {
                throw attestationRefused(e);
            }
            throw new CeremonyRejected(Reason.VERIFICATION_FAILED, "We could not verify your passkey. Please try again.", e);
        } catch (VerificationException e) {
            throw new CeremonyRejected(Reason.VERIFICATION_FAILED, "We could not verify your passkey. Please try again.", e);
        }
    }

    /**
     * The rules on a verified registration. Under direct attestation the flags and the AAGUID are
     * signed by a trusted attestation key; under none they are the client's claims (advisory).
     *
     * @param attachment what the browser reported ({@code authenticatorAttachment}), never signed
     */
    void check(RegistrationData data, Optional<String> attachment) {
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authData =
                data.getAttestationObject().getAuthenticatorData();
        // #dom-authenticatorselectioncriteria-authenticatorattachment asked the browser for this
        // kind of authenticator; its answer is checked too, as the browser reports it. A browser that
        // does not say is refused under a restricted policy: the policy fails closed.
        if (policy.attachment() != Attachment.ANY && !attachment.equals(policy.attachment().value())) {
            throw attachmentRefused();
        }
        // §7.1 "If the Relying Party uses the credential's backup eligibility to inform its user
        // experience flows and/or policies, evaluate the BE bit of the flags in authData."
        if (!policy.syncedAllowed() && authData.isFlagBE()) {
            throw new CeremonyRejected(Reason.SYNCED_NOT_ALLOWED, "This organisation only accepts passkeys that stay"
                    + " on one device, such as a security key. This passkey would sync to your other devices through"
                    + " a password manager, so it was not saved.");
        }
        // The authenticator model, named by the AAGUID in the attested credential data; trustworthy
        // only once #reg-ceremony-assess-trust passed for a direct attestation.
        UUID aaguid = StoredCredential.aaguid(authData.getAttestedCredentialData().getAaguid());
        if (aaguid != null && policy.deniedAaguids().contains(aaguid)) {
            throw new CeremonyRejected(Reason.AUTHENTICATOR_DENIED, "This organisation does not accept this kind of"
                    + " security key or passkey provider. Use another one, or ask your IT help desk which you can use.");
        }
        if (!policy.allowedAaguids().isEmpty() && (aaguid == null || !policy.allowedAaguids().contains(aaguid))) {
            throw new CeremonyRejected(Reason.AUTHENTICATOR_NOT_ALLOWED, "This organisation only accepts certain"
                    + " security keys, and this one is not among them. Ask your IT help desk which keys you can use.");
        }
    }

    private CeremonyRejected attachmentRefused() {
        boolean platform = policy.attachment() == Attachment.PLATFORM;
        String message = platform
                ? "This organisation only accepts passkeys saved on the device you are using, not on a security key"
                        + " or another phone. Choose \"On this device\" and try again."
                : "This organisation only accepts security keys and passkeys on a phone, not passkeys saved on this"
                        + " computer. Choose \"A security key\" or \"On a phone or tablet\" and try again.";
        return new CeremonyRejected(Reason.ATTACHMENT_NOT_ALLOWED,
                platform ? "ceremony.detail.platformOnly" : "ceremony.detail.roamingOnly", List.of(), message, null);
    }

    private static CeremonyRejected attestationRefused(Throwable cause) {
        return new CeremonyRejected(Reason.ATTESTATION_NOT_TRUSTED, "This organisation only accepts passkeys on devices"
                + " it approves, and this one could not prove it is one. Use a security key from your organisation, or"
                + " ask your IT help desk which devices you can use.", cause);
    }

    private KeyStore loadAnchors(String file) {
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            KeyStore store = emptyKeyStore();
            int i = 0;
            for (Certificate c : certificates) {
                if (c instanceof X509Certificate x) {
                    store.setCertificateEntry("anchor-" + i++, x);
                    LOG.info("Attestation trust anchor " + i + ": " + x.getSubjectX500Principal().getName());
                }
            }
            if (i == 0) {
                problems.add("LATCHKEY_ATTESTATION_TRUST_ANCHORS file " + path + " holds no certificate");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            LOG.severe("Attestation trust anchors could not be read from " + path + ": " + e);
            problems.add("LATCHKEY_ATTESTATION_TRUST_ANCHORS file " + path + " could not be read: " + e.getMessage());
            return null;
        }
    }

    private static KeyStore emptyKeyStore() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("no key store type available", e);
        }
    }
}
