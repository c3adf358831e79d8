package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.identity.api.StaffPolicy;
import dev.latchkey.identity.api.SignUpGate;
import dev.latchkey.identity.api.SignUpPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaSignUpGate implements SignUpGate {

    @Inject
    SignUpPolicy policy;

    @Inject
    StaffPolicy staff;

    @Inject
    Invitations invitations;

    @Override
    public Optional<Refusal> refusal(EmailAddress email, Optional<String> invitationToken) {
        if (policy.admits(email)) {
            return Optional.empty();
        }
        if (!policy.byInvitation()) {
            return Optional.of(new Refusal(422, "NOT_ADMITTED", policy.refusal()));
        }
        if (invitationToken.isEmpty()) {
            // A listed staff address may sign up without an invitation: someone must be first.
            // The address is still confirmed by code before it counts (StaffPolicy).
            return staff.lists(email) ? Optional.empty()
                    : Optional.of(new Refusal(403, "INVITATION_REQUIRED", policy.refusal()));
        }
        Optional<EmailAddress> invited = invitations.usable(invitationToken.get());
        if (invited.isEmpty()) {
            return Optional.of(new Refusal(410, "INVITATION_UNUSABLE", new Invitations.Unusable().getMessage()));
        }
        if (!invited.get().equals(email)) {
            // Whoever holds the link already knows the invited address (the form shows it).
            return Optional.of(new Refusal(422, "INVITATION_ADDRESS",
                    "This invitation is for " + invited.get().value() + ". Create the account with that address."));
        }
        return Optional.empty();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(UUID accountId, EmailAddress email, Optional<String> invitationToken) {
        if (policy.byInvitation() && (invitationToken.isPresent() || !staff.lists(email))) {
            invitations.redeem(invitationToken.orElse(null), accountId);
        }
    }
}
