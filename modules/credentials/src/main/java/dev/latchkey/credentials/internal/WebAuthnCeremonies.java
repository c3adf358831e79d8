package dev.latchkey.credentials.internal;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.CeremonyRejected.Reason;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.credentials.api.CredentialDescriptor;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.credentials.api.Mediation;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.credentials.api.PasskeyPlacement;
import dev.latchkey.credentials.api.RelyingParty;
import dev.latchkey.credentials.api.RequestOptions;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignInContext;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.SignIns;
import dev.latchkey.identity.api.SignedIn;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.identity.api.UserHandle;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * WebAuthn Level 3 registration (§7.1) and authentication (§7.2) with webauthn4j.
 *
 * <p>Order in every finish: parse (malformed → 400), consume the challenge (single use, also on
 * failure), check that this browser began this ceremony, let webauthn4j verify, then write.
 * Nothing is written unless every step passed.
 *
 * <p>Each finish is one transaction; the challenge is spent, and a refusal recorded, in one of its
 * own, so that both stay whatever happens next. A refused sign-in also keeps its failed attempt in
 * identity's log (nothing else is written before an assertion is refused); every other refusal
 * rolls back whatever its ceremony had written (a sign-up's account, above all). The passkey
 * sign-in, whose transaction commits on every refusal, spends its challenge in that transaction
 * (one fewer per sign-in, the most frequent ceremony by far).
 */
@ApplicationScoped
class WebAuthnCeremonies implements PasskeyCeremonies {

    private static final Logger LOG = Logger.getLogger(WebAuthnCeremonies.class.getName());

    /** ES256, EdDSA, RS256, in order of preference (#dom-publickeycredentialcreationoptions-pubkeycredparams). */
    static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    static final long TIMEOUT_MILLIS = ChallengeStore.LIFETIME_MINUTES * 60_000L;

    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final StoredCredential stored = new StoredCredential(converter);

    @Inject
    RelyingParty relyingParty;

    @Inject
    ChallengeStore challenges;

    @Inject
    PasskeyStore passkeys;

    @Inject
    SignUpWriter signUps;

    @Inject
    Accounts accounts;

    @Inject
    CredentialEvents events;

    /** The deployment's registration policy: options, attestation trust, refusals. */
    @Inject
    RegistrationRules rules;

    @Inject
    PasskeyCap cap;

    @Inject
    SignIns signIns;

    @Inject
    StepUp stepUp;

    @Override
    public CreationOptions startSignUp(NewAccount account, CeremonyBinding binding, String clientAddress) {
        startRegistration(Optional.empty());
        byte[] challenge = challenges.issue(PendingCeremony.Purpose.SIGN_UP, null, Mediation.MODAL, binding,
                clientAddress, new PendingCeremony.PendingAccount(account.userHandle().bytes(),
                        account.email().value(), account.displayName()));
        // A brand-new user handle has no passkeys yet: nothing to exclude.
        return creationOptions(challenge, account.userHandle(), account.email().value(), account.displayName(), List.of(),
                Optional.empty());
    }

    @Override
    @Transactional
    public CreationOptions startAddPasskey(StepUpProof proof, CeremonyBinding binding, String clientAddress,
                                           Optional<Hint> where) {
        UUID accountId = stepUp.confirm(proof);
        Account account = accounts.find(accountId)
                .orElseThrow(() -> rejected(Reason.UNKNOWN_CREDENTIAL, "ceremony.detail.noAccount", "Your account could not be found.", null));
        startRegistration(where);
        cap.refuseAt(accountId);
        List<PasskeyEntity> existing = passkeys.entitiesOf(accountId);
        byte[] challenge = challenges.issue(PendingCeremony.Purpose.ADD_PASSKEY, accountId, Mediation.MODAL, binding,
                clientAddress, null);
        // #dom-publickeycredentialcreationoptions-excludecredentials: an authenticator that
        // already holds one of this account's passkeys refuses to make a second one.
        return creationOptions(challenge, account.userHandle(), account.email().value(), account.displayName(),
                existing.stream().map(p -> new CredentialDescriptor("public-key", Hashes.base64Url(p.credentialId),
                        PasskeyStore.transports(p))).toList(), where);
    }

    /** Policy refusals before any challenge is issued: a broken policy, or a kind of passkey it excludes. */
    public void startRegistration(Optional<Hint> where) {
        try {
            rules.checkStart(where);
        } catch (CeremonyRejected e) {
            throw counted(e, null);
        }
    }

    public CreationOptions creationOptions(byte[] challenge, UserHandle user, String name, String displayName,
                                            List<CredentialDescriptor> exclude, Optional<Hint> where) {
        return new CreationOptions(
                new CreationOptions.Rp(relyingParty.id(), relyingParty.name()),
                new CreationOptions.User(user.base64Url(), name, displayName),
                Hashes.base64Url(challenge),
                ALGORITHMS.stream()
                        .map(p -> new CreationOptions.CredentialParameters("public-key", (int) p.getAlg().getValue()))
                        .toList(),
                TIMEOUT_MILLIS,
                exclude,
                rules.selection(where),
                rules.hints(where),
                rules.conveyance(),
                Map.of("credProps", true));
    }

    @Override
    @Transactional
    public SignedIn finishSignUp(String responseJson, CeremonyBinding binding, Optional<String> invitation,
                                 SignInContext context) {
        VerifiedRegistration verified = verifyRegistration(responseJson, binding, PendingCeremony.Purpose.SIGN_UP);
        PendingCeremony.PendingAccount pending = verified.ceremony().pendingAccount()
                .orElseThrow(() -> wrongCeremony(null));
        NewAccount newAccount = new NewAccount(UserHandle.of(pending.userHandle()), new EmailAddress(pending.email()),
                pending.displayName());
        Account account;
        try {
            account = signUps.createAccountWithPasskey(newAccount, verified.passkey(), invitation);
        } catch (CeremonyRejected e) {
            events.recordRefusal("sign-up: " + e.reason());
            throw e;
        }
        events.record(CredentialEvents.Type.PASSKEY_REGISTERED, account.id(), verified.passkey().id, CredentialEvents.Detail.SIGN_UP);
        // The new session keeps the attestation's UV and BE flags (WebAuthn L3 §6.1), as a sign-in keeps its assertion's.
        SignedIn signedIn = signIns.completeSignUp(account.id(), Optional.of(new dev.latchkey.identity.api.AuthenticatorFlags(
                verified.passkey().userVerified, verified.passkey().backupEligible)),
                context);
        passkeys.created(verified.passkey().id, Optional.of(signedIn.device().id()));
        return signedIn;
    }

    @Override
    @Transactional
    public UUID finishAddPasskey(StepUpProof proof, Optional<UUID> device, String responseJson, CeremonyBinding binding) {
        UUID accountId = stepUp.confirm(proof);
        VerifiedRegistration verified = verifyRegistration(responseJson, binding, PendingCeremony.Purpose.ADD_PASSKEY);
        if (!verified.ceremony().accountId().filter(accountId::equals).isPresent()) {
            throw wrongCeremony(null);
        }
        PasskeyEntity passkey = verified.passkey();
        passkey.accountId = accountId;
        if (verified.ceremony().mediation() == Mediation.CONDITIONAL && !passkeys.entitiesOf(accountId).isEmpty()) {
            // An automatic upgrade (conditional create) follows a password sign-in and proves no
            // more than the password did. Where the account already has a passkey, a password alone
            // must never add one (identity's ranked StepUp): the ceremony was only issued while the
            // account had none, and a passkey added since ends it.
            throw rejected(Reason.WRONG_CEREMONY, "ceremony.detail.hasPasskey", "This account already has a passkey. Add another one from your"
                    + " account page.", null);
        }
        // Another passkey may have been added since the options were issued.
        cap.refuseAt(accountId);
        if (!passkeys.addToAccount(passkey)) {
            throw rejected(Reason.ALREADY_REGISTERED, "ceremony.detail.registeredOrFull", "This passkey is already registered, or your account holds the"
                    + " most passkeys it can.", null);
        }
        events.record(CredentialEvents.Type.PASSKEY_REGISTERED, accountId, passkey.id, CredentialEvents.Detail.ADDED);
        // "Add a passkey on your phone" (hybrid): it lives on the phone, not on the browser that asked;
        // noting it here would call this device covered. Unsigned, so for coverage only.
        boolean elsewhere = PasskeyPlacement.of(Optional.ofNullable(passkey.attachment), PasskeyStore.transports(passkey))
                == PasskeyPlacement.ANOTHER_DEVICE;
        passkeys.created(passkey.id, elsewhere ? Optional.empty() : device);
        return passkey.id;
    }

    /** §7.1 up to storing: parse, spend the challenge, verify; returns the passkey to store. */
    public VerifiedRegistration verifyRegistration(String responseJson, CeremonyBinding binding,
                                                    PendingCeremony.Purpose purpose) {
        ResponseEnvelope envelope = ResponseEnvelope.parse(responseJson);
        RegistrationData data;
        try {
            data = webAuthn.parseRegistrationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            throw ResponseEnvelope.malformed(e);
        }
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authData =
                data.getAttestationObject() == null ? null : data.getAttestationObject().getAuthenticatorData();
        if (authData == null || authData.getAttestedCredentialData() == null) {
            throw ResponseEnvelope.malformed(null);
        }
        PendingCeremony ceremony = consume(data.getCollectedClientData(), purpose, binding, false);
        try {
            // Flags and credential public key (CredentialChecks): what webauthn4j parses but does not refuse.
            CredentialChecks.registration(authData);
        } catch (CeremonyRejected e) {
            throw counted(e, null);
        }
        try {
            // §7.1 steps 7-25 (type, challenge, #rp-op-registering-a-new-credential-step-origin,
            // rpIdHash, UP, UV when the policy requires it, algorithm, #reg-ceremony-verify-attestation,
            // #reg-ceremony-assess-trust under direct attestation, credential id length) are webauthn4j's,
            // configured by the registration policy; then the policy's own rules on the verified data.
            // #sctn-registering-a-new-credential: "If options.mediation is not set to conditional,
            // verify that the UP bit of the flags in authData is set." The mediation is the one the
            // server recorded with the challenge when it issued the options (ChallengeStore), never
            // the client's word; only an automatic upgrade of a signed-in account is issued that way.
            boolean userPresenceRequired = !(ceremony.mediation() == Mediation.CONDITIONAL
                    && ceremony.purpose() == PendingCeremony.Purpose.ADD_PASSKEY);
            rules.verify(data, new RegistrationParameters(serverProperty(ceremony), ALGORITHMS,
                    rules.userVerificationRequired(), userPresenceRequired));
            rules.check(data, envelope.attachment());
        } catch (CeremonyRejected e) {
            throw counted(e, e.getCause());
        }
        AttestedCredentialData credential = authData.getAttestedCredentialData();
        if (!Arrays.equals(credential.getCredentialId(), base64UrlDecode(envelope.id()))) {
            throw rejected(Reason.MALFORMED, null, null, null);
        }
        PasskeyEntity passkey = new PasskeyEntity();
        passkey.id = UUID.randomUUID();
        passkey.credentialId = credential.getCredentialId();
        passkey.publicKey = stored.publicKey(credential);
        passkey.signCount = authData.getSignCount();
        passkey.aaguid = StoredCredential.aaguid(credential.getAaguid());
        passkey.transports = data.getTransports() == null ? "" : data.getTransports().stream()
                .map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(","));
        passkey.backupEligible = authData.isFlagBE();
        passkey.backupState = authData.isFlagBS();
        passkey.userVerified = authData.isFlagUV();
        passkey.attachment = envelope.attachment().orElse(null);
        passkey.attestationFormat = data.getAttestationObject().getFormat();
        passkey.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new VerifiedRegistration(ceremony, passkey);
    }

    record VerifiedRegistration(PendingCeremony ceremony, PasskeyEntity passkey) {
    }

    @Override
    public RequestOptions startSignIn(Mediation mediation, CeremonyBinding binding, String clientAddress) {
        byte[] challenge = challenges.issue(PendingCeremony.Purpose.SIGN_IN, null, mediation, binding, clientAddress, null);
        return new RequestOptions(Hashes.base64Url(challenge), TIMEOUT_MILLIS, relyingParty.id(), List.of(),
                "preferred", List.of());
    }

    @Override
    @Transactional(dontRollbackOn = CeremonyRejected.class)
    public PasskeySignIn finishSignIn(String responseJson, CeremonyBinding binding, SignInContext context) {
        SignInResult verified;
        try {
            // The challenge is spent in this transaction, which commits on a refusal too (dontRollbackOn).
            verified = verifyAssertion(responseJson, binding, PendingCeremony.Purpose.SIGN_IN, "sign-in", true);
        } catch (CeremonyRejected e) {
            signIns.recordFailure(Optional.empty(), context.client(), SignInMethod.PASSKEY, e.reason().name());
            throw e;
        }
        SignedIn signedIn = signIns.complete(verified.accountId(), verified.method(), Optional.of(verified.flags()), context);
        passkeys.usedOn(verified.passkeyId(), signedIn.device().id(),
                verified.method() == dev.latchkey.identity.api.SignInMethod.PASSKEY_THIS_DEVICE);
        return new PasskeySignIn(signedIn, verified.passkeyId(), verified.mediation());
    }

    @Override
    public RequestOptions startStepUp(UUID accountId, CeremonyBinding binding, String clientAddress) {
        List<CredentialDescriptor> allowed = passkeys.entitiesOf(accountId).stream()
                .map(p -> new CredentialDescriptor("public-key", Hashes.base64Url(p.credentialId), PasskeyStore.transports(p)))
                .toList();
        if (allowed.isEmpty()) {
            throw new CeremonyRejected(Reason.UNKNOWN_CREDENTIAL, "ceremony.detail.noPasskeyToConfirm", List.of(),
                    "Your account has no passkey to confirm with.", null);
        }
        byte[] challenge = challenges.issue(PendingCeremony.Purpose.STEP_UP, accountId, Mediation.MODAL, binding,
                clientAddress, null);
        // The user is known: the account's passkeys are listed, and the device must verify the
        // person (fingerprint, face, PIN), not just their presence.
        return new RequestOptions(Hashes.base64Url(challenge), TIMEOUT_MILLIS, relyingParty.id(), allowed, "required",
                List.of());
    }

    @Override
    @Transactional
    public SignInResult finishStepUp(Sessions.SignedInSession session, String responseJson, CeremonyBinding binding) {
        SignInResult result = verifyAssertion(responseJson, binding, PendingCeremony.Purpose.STEP_UP, "step-up",
                false);
        if (!result.accountId().equals(session.accountId())) {
            // #rp-op-verifying-assertion-step-allowcredentials: the credential must be one of the
            // signed-in account's; another account's passkey proves nothing about this session.
            throw rejected(Reason.WRONG_CEREMONY, "ceremony.detail.otherAccount", "That passkey belongs to another account.", null);
        }
        // User verification was required (§7.2 step 17 with UV required): a ranked re-authentication.
        stepUp.record(session.sessionId(), result.method(), Optional.of(result.flags()));
        session.deviceId().ifPresent(d -> passkeys.usedOn(result.passkeyId(), d,
                result.method() == dev.latchkey.identity.api.SignInMethod.PASSKEY_THIS_DEVICE));
        return result;
    }

    /**
     * §7.2 up to the sign count: parse, spend the challenge, verify.
     *
     * @param spendHere spend the challenge in the caller's transaction: only for a caller that commits
     *                  on every {@link CeremonyRejected} (otherwise a refusal would leave it live)
     */
    private SignInResult verifyAssertion(String responseJson, CeremonyBinding binding, PendingCeremony.Purpose purpose,
                                         String what, boolean spendHere) {
        ResponseEnvelope envelope = ResponseEnvelope.parse(responseJson);
        AuthenticationData data;
        try {
            data = webAuthn.parseAuthenticationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            throw ResponseEnvelope.malformed(e);
        }
        if (data.getCredentialId() == null || data.getAuthenticatorData() == null) {
            throw ResponseEnvelope.malformed(null);
        }
        PendingCeremony ceremony = consume(data.getCollectedClientData(), purpose, binding, spendHere);
        try {
            // Flags (CredentialChecks): no attested credential data in an assertion, ED only with extensions.
            CredentialChecks.assertion(data.getAuthenticatorData());
        } catch (CeremonyRejected e) {
            throw counted(e, null);
        }

        // §7.2 step 6: identify the credential; it must be registered here.
        PasskeyEntity passkey = passkeys.findByCredentialId(data.getCredentialId())
                .orElseThrow(() -> rejected(Reason.UNKNOWN_CREDENTIAL, "ceremony.detail.notRegistered",
                        "This passkey is not registered with us. It may have been removed. Try another passkey"
                                + " or another way to sign in.", null));
        if (ceremony.accountId().isPresent() && !ceremony.accountId().get().equals(passkey.accountId)) {
            throw rejected(Reason.WRONG_CEREMONY, "ceremony.detail.otherAccount", "That passkey belongs to another account.", null);
        }
        // §7.2 step 6: response.userHandle, when present, must be the user handle of the
        // credential's owner; when the user was not identified before the ceremony it must be present.
        Account owner = accounts.find(passkey.accountId)
                .orElseThrow(() -> rejected(Reason.UNKNOWN_CREDENTIAL, null, null, null));
        byte[] presented = data.getUserHandle();
        if ((presented == null && ceremony.accountId().isEmpty())
                || (presented != null && !MessageDigest.isEqual(presented, owner.userHandle().bytes()))) {
            throw rejected(Reason.VERIFICATION_FAILED, null, null, null);
        }
        boolean userVerificationRequired = purpose == PendingCeremony.Purpose.STEP_UP;
        try {
            // §7.2 steps 7-21 (type, challenge, origin, rpIdHash, UP, UV policy, signature,
            // signCount) are webauthn4j's.
            webAuthn.verify(data, new AuthenticationParameters(serverProperty(ceremony), stored.toRecord(passkey),
                    null, userVerificationRequired, true));
        } catch (MaliciousCounterValueException e) {
            // §7.2 step 22: a counter that did not grow signals a possibly cloned authenticator.
            LOG.warning(() -> "Passkey " + passkey.id + " presented a sign counter that did not increase");
            throw rejected(Reason.VERIFICATION_FAILED, null, null, e);
        } catch (VerificationException e) {
            throw rejected(Reason.VERIFICATION_FAILED, null, null, e);
        }
        AuthenticatorData<?> authData = data.getAuthenticatorData();
        // §7.2 step 23: update the stored sign count and backup state (BS can change over time).
        if (!passkeys.recordUse(passkey.id, passkey.signCount, authData.getSignCount(), authData.isFlagBS(),
                passkey.userVerified || authData.isFlagUV())) {
            throw rejected(Reason.VERIFICATION_FAILED, null, null, null);
        }
        events.record(CredentialEvents.Type.PASSKEY_USED, owner.id(), passkey.id,
                what + " " + ceremony.mediation().name().toLowerCase(java.util.Locale.ROOT));
        // The signed flags of this assertion (§6.1): UV, whether the person was verified; BE, whether the key
        // can be synced. Kept with the session for the OpenID Connect provider's amr.
        return new SignInResult(owner.id(), passkey.id, ceremony.mediation(),
                PasskeyLocation.of(envelope.attachment(), PasskeyStore.transports(passkey)),
                new dev.latchkey.identity.api.AuthenticatorFlags(authData.isFlagUV(), authData.isFlagBE()));
    }

    private PendingCeremony consume(CollectedClientData clientData, PendingCeremony.Purpose purpose,
                                    CeremonyBinding binding, boolean spendHere) {
        if (clientData == null || clientData.getChallenge() == null) {
            throw ResponseEnvelope.malformed(null);
        }
        byte[] challenge = clientData.getChallenge().getValue();
        PendingCeremony ceremony = (spendHere ? challenges.consumeInCallersTransaction(challenge)
                : challenges.consume(challenge))
                .orElseThrow(() -> rejected(Reason.UNKNOWN_CHALLENGE, "ceremony.detail.signInExpired",
                        "This sign-in request has expired or was already used. Please try again.", null));
        if (ceremony.purpose() != purpose
                || !MessageDigest.isEqual(ceremony.bindingHash(), Sha256.of(binding.secret()))) {
            throw wrongCeremony(null);
        }
        return ceremony;
    }

    /** §7.1 step 9 / §7.2 step 13: origins and RP ID come from configuration, never from the request. */
    private ServerProperty serverProperty(PendingCeremony ceremony) {
        Set<Origin> origins = relyingParty.origins().stream().map(Origin::new).collect(Collectors.toSet());
        return new ServerProperty(origins, relyingParty.id(), new DefaultChallenge(ceremony.challenge()));
    }

    private static byte[] base64UrlDecode(String s) {
        try {
            return java.util.Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw ResponseEnvelope.malformed(e);
        }
    }

    private CeremonyRejected wrongCeremony(Throwable cause) {
        return rejected(Reason.WRONG_CEREMONY, "ceremony.detail.otherWindow",
                "This passkey request was started in another window or for something else. Please start again.", cause);
    }

    /** A refusal of the rules or checks, counted, with its words and the cause to log. */
    private CeremonyRejected counted(CeremonyRejected refused, Throwable cause) {
        if (cause != null) {
            LOG.log(Level.FINE, "Ceremony rejected: " + refused.reason(), cause);
        }
        events.recordRefusal(refused.reason().name() + (cause == null ? "" : ": " + cause.getClass().getSimpleName()));
        return new CeremonyRejected(refused.reason(), refused.key(), refused.args(), refused.getMessage(), cause);
    }

    /**
     * A refusal, counted; {@code key} and {@code message} say it (the message in English, for logs), or, both
     * {@code null}, "We could not verify your passkey" ({@code ceremony.VERIFICATION_FAILED}).
     */
    public CeremonyRejected rejected(Reason reason, String key, String message, Throwable cause) {
        String text = Optional.ofNullable(message).orElse("We could not verify your passkey. Please try again.");
        String said = Optional.ofNullable(key).orElse("ceremony.VERIFICATION_FAILED");
        if (cause != null) {
            LOG.log(Level.FINE, "Ceremony rejected: " + reason, cause);
        }
        events.recordRefusal(reason.name()
                + (cause == null ? "" : ": " + cause.getClass().getSimpleName()));
        return new CeremonyRejected(reason, said, List.of(), text, cause);
    }
}
