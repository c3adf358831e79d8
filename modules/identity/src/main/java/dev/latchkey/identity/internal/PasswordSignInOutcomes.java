package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.FallbackSignIns.Outcome;
import dev.latchkey.identity.api.FallbackSignIns.Result;
import dev.latchkey.identity.api.SignInContext;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** A password attempt's outcome, each in a short transaction of its own after the hash was checked. */
@ApplicationScoped
@Transactional
class PasswordSignInOutcomes {

    @Inject
    AbuseLimits limits;

    @Inject
    SignIns signIns;

    Result throttled(Optional<AbuseLimits.Refusal> refusal, SignInContext context) {
        signIns.recordFailure(Optional.empty(), context.client(), SignInMethod.PASSWORD, "THROTTLED");
        return new Result(Outcome.THROTTLED, Optional.empty(), refusal, 0);
    }

    Result accepted(EmailAddress email, UUID accountId, SignInContext context) {
        limits.succeeded(AbuseLimits.Factor.PASSWORD, email);
        return new Result(Outcome.SIGNED_IN, Optional.of(signIns.complete(accountId, SignInMethod.PASSWORD, context)),
                Optional.empty(), 0);
    }

    Result refused(EmailAddress email, HashedPasswords.Attempt attempt, SignInContext context) {
        limits.failed(AbuseLimits.Factor.PASSWORD, email, context.clientAddress());
        signIns.recordFailure(attempt.accountId(), context.client(), SignInMethod.PASSWORD,
                attempt.reason().orElse("WRONG_PASSWORD"));
        return new Result(Outcome.WRONG, Optional.empty(), Optional.empty(), 0);
    }
}
