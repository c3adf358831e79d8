package dev.latchkey.insights.internal;

import dev.latchkey.credentials.api.PasskeyEvent;
import dev.latchkey.identity.api.StepUpEvent;
import dev.latchkey.insights.api.AccountLookup.SecurityEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An account's security timeline for staff: credentials' passkey events and identity's step-ups, merged newest
 * first, each with who did it. A passkey that an assisted recovery created is the agent's doing (insights keeps
 * those recoveries); everything else on the account's own passkeys is the person's, except a removal because
 * another account confirmed the address.
 */
final class SecurityTimeline {

    static final int LIMIT = 30;

    private SecurityTimeline() {
    }

    /**
     * @param recoveredBy the agent's address for each passkey an assisted recovery of this account created
     */
    static List<SecurityEvent> of(List<PasskeyEvent> passkeys, List<StepUpEvent> stepUps, Map<UUID, String> recoveredBy) {
        return Stream.concat(passkeys.stream().map(e -> passkey(e, recoveredBy)), stepUps.stream().map(SecurityTimeline::stepUp))
                .sorted(Comparator.comparing(SecurityEvent::at).reversed())
                .limit(LIMIT)
                .toList();
    }

    static SecurityEvent passkey(PasskeyEvent e, Map<UUID, String> recoveredBy) {
        String event = "PASSKEY_" + e.kind().name();
        Optional<String> subject = e.name().or(e::provider);
        Optional<String> agent = e.kind() == PasskeyEvent.Kind.ADDED
                ? e.passkeyId().map(recoveredBy::get) : Optional.empty();
        if (agent.isPresent()) {
            return new SecurityEvent(e.at(), event, "ASSISTED_RECOVERY", "STAFF", agent, subject);
        }
        String actor = switch (e.cause()) {
            case ADDRESS_CLAIMED -> "OTHER_ACCOUNT";
            case UNKNOWN -> "NOT_RECORDED";
            default -> "PERSON";
        };
        return new SecurityEvent(e.at(), event, e.cause().name(), actor, Optional.empty(), subject);
    }

    static SecurityEvent stepUp(StepUpEvent e) {
        return new SecurityEvent(e.at(), "STEP_UP", e.method().name(), "PERSON", Optional.empty(), e.deviceLabel());
    }
}
