package dev.latchkey.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.PasskeyEvent;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StepUpEvent;
import dev.latchkey.insights.api.AccountLookup.SecurityEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecurityTimelineTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID RECOVERED = UUID.randomUUID();
    private static final UUID OWN = UUID.randomUUID();

    @Test
    void passkeyEventsAndStepUpsMergeNewestFirstWithWhoDidIt() {
        List<SecurityEvent> events = SecurityTimeline.of(List.of(
                        passkey(T.plusSeconds(30), OWN, PasskeyEvent.Kind.RENAMED, PasskeyEvent.Cause.BY_PERSON, "Work laptop", null),
                        passkey(T.plusSeconds(10), RECOVERED, PasskeyEvent.Kind.ADDED, PasskeyEvent.Cause.HANDOFF, null, "iCloud Keychain"),
                        passkey(T, null, PasskeyEvent.Kind.REMOVED, PasskeyEvent.Cause.ADDRESS_CLAIMED, null, null)),
                List.of(new StepUpEvent(T.plusSeconds(20), SignInMethod.PASSKEY_THIS_DEVICE, Optional.empty(),
                        Optional.of("Chrome on Linux"))),
                Map.of(RECOVERED, "agent@staff.example"));

        assertThat(events).extracting(SecurityEvent::event)
                .containsExactly("PASSKEY_RENAMED", "STEP_UP", "PASSKEY_ADDED", "PASSKEY_REMOVED");
        assertThat(events.get(0)).isEqualTo(new SecurityEvent(T.plusSeconds(30), "PASSKEY_RENAMED", "BY_PERSON", "PERSON",
                Optional.empty(), Optional.of("Work laptop")));
        assertThat(events.get(1)).isEqualTo(new SecurityEvent(T.plusSeconds(20), "STEP_UP", "PASSKEY_THIS_DEVICE", "PERSON",
                Optional.empty(), Optional.of("Chrome on Linux")));
        assertThat(events.get(2)).as("the passkey an assisted recovery created is the agent's doing")
                .isEqualTo(new SecurityEvent(T.plusSeconds(10), "PASSKEY_ADDED", "ASSISTED_RECOVERY", "STAFF",
                        Optional.of("agent@staff.example"), Optional.of("iCloud Keychain")));
        assertThat(events.get(3).actor()).isEqualTo("OTHER_ACCOUNT");
        assertThat(events.get(3).subject()).isEmpty();
    }

    @Test
    void onlyTheAddingOfARecoveredPasskeyIsStaffsAndTheTimelineIsCapped() {
        SecurityEvent renamed = SecurityTimeline.passkey(passkey(T, RECOVERED, PasskeyEvent.Kind.RENAMED,
                PasskeyEvent.Cause.BY_PERSON, "Mine", null), Map.of(RECOVERED, "agent@staff.example"));
        assertThat(renamed.actor()).isEqualTo("PERSON");
        assertThat(renamed.staffEmail()).isEmpty();
        assertThat(SecurityTimeline.passkey(passkey(T, OWN, PasskeyEvent.Kind.REMOVED, PasskeyEvent.Cause.UNKNOWN, null, null),
                Map.of()).actor()).isEqualTo("NOT_RECORDED");

        List<StepUpEvent> many = IntStream.range(0, 50).mapToObj(i -> new StepUpEvent(T.plusSeconds(i), SignInMethod.PASSKEY,
                Optional.empty(), Optional.empty())).toList();
        List<SecurityEvent> capped = SecurityTimeline.of(List.of(), many, Map.of());
        assertThat(capped).hasSize(SecurityTimeline.LIMIT);
        assertThat(capped.get(0).at()).isEqualTo(T.plusSeconds(49));
    }

    private static PasskeyEvent passkey(Instant at, UUID id, PasskeyEvent.Kind kind, PasskeyEvent.Cause cause, String name,
                                        String provider) {
        return new PasskeyEvent(at, Optional.ofNullable(id), kind, cause, Optional.ofNullable(name), Optional.ofNullable(provider));
    }
}
