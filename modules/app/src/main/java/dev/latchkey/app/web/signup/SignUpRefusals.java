package dev.latchkey.app.web.signup;

import dev.latchkey.app.web.UiText;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.identity.api.SignUpGate;
import dev.latchkey.identity.api.SignUpPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The words for the sign-up gate's refusals ({@link SignUpGate.Refusal#reason()}), in the reader's language:
 * the gate decides, this names the decision. Their English is the gate's own sentence.
 */
@ApplicationScoped
public class SignUpRefusals {

    @Inject
    SignUpPolicy policy;

    @Inject
    Invitations invitations;

    /** What the sign-up form says under the address field. */
    public UiText of(SignUpGate.Refusal refusal, Optional<String> invitationToken) {
        return switch (refusal.reason()) {
            case "NOT_ADMITTED" -> policy.byInvitation() ? UiText.of("signup.error.invitationRequired")
                    : UiText.of("signup.error.domains", String.join(", ", policy.domains().stream().sorted().toList()));
            case "INVITATION_REQUIRED" -> UiText.of("signup.error.invitationRequired");
            case "INVITATION_UNUSABLE" -> UiText.of("signup.error.invitationUnusable");
            case "INVITATION_ADDRESS" -> invitationToken.flatMap(invitations::usable).map(EmailAddress::value)
                    .map(invited -> UiText.of("signup.error.invitationAddress", invited))
                    .orElse(UiText.of("signup.error.invitationUnusable"));
            default -> throw new IllegalStateException("no words for the sign-up refusal " + refusal.reason());
        };
    }
}
