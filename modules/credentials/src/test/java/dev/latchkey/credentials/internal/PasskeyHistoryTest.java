package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.PasskeyEvent.Cause;
import dev.latchkey.credentials.api.PasskeyEvent.Kind;
import org.junit.jupiter.api.Test;

/** The details each path writes to {@code cred_event} become the codes staff see. */
class PasskeyHistoryTest {

    @Test
    void eachPathsDetailBecomesItsCause() {
        assertThat(PasskeyHistory.code("PASSKEY_REGISTERED", "sign-up")).contains(new PasskeyHistory.Code(Kind.ADDED, Cause.SIGN_UP));
        assertThat(PasskeyHistory.code("PASSKEY_REGISTERED", "added")).contains(new PasskeyHistory.Code(Kind.ADDED, Cause.BY_PERSON));
        assertThat(PasskeyHistory.code("PASSKEY_REGISTERED", "handoff: paired (was pending 1234)"))
                .contains(new PasskeyHistory.Code(Kind.ADDED, Cause.HANDOFF));
        assertThat(PasskeyHistory.code("PASSKEY_RENAMED", "renamed")).contains(new PasskeyHistory.Code(Kind.RENAMED, Cause.BY_PERSON));
        assertThat(PasskeyHistory.code("PASSKEY_RENAMED", "automatic name"))
                .contains(new PasskeyHistory.Code(Kind.RENAMED, Cause.NAME_RESET));
        assertThat(PasskeyHistory.code("PASSKEY_REMOVED", "removed by the user"))
                .contains(new PasskeyHistory.Code(Kind.REMOVED, Cause.BY_PERSON));
        assertThat(PasskeyHistory.code("PASSKEY_REMOVED", "device reported lost"))
                .contains(new PasskeyHistory.Code(Kind.REMOVED, Cause.DEVICE_LOST));
        assertThat(PasskeyHistory.code("PASSKEYS_REMOVED", "address confirmed by another account"))
                .contains(new PasskeyHistory.Code(Kind.REMOVED, Cause.ADDRESS_CLAIMED));
        assertThat(PasskeyHistory.code("PASSKEY_PENDING", "handoff: waiting for the pairing code"))
                .contains(new PasskeyHistory.Code(Kind.PENDING, Cause.HANDOFF));
        assertThat(PasskeyHistory.code("PENDING_DROPPED", "wrong pairing code"))
                .contains(new PasskeyHistory.Code(Kind.PENDING_DROPPED, Cause.UNKNOWN));
    }

    @Test
    void unknownDetailsSayNotRecordedAndUsesOrRefusalsAreNoChange() {
        assertThat(PasskeyHistory.code("PASSKEY_REMOVED", null)).contains(new PasskeyHistory.Code(Kind.REMOVED, Cause.UNKNOWN));
        assertThat(PasskeyHistory.code("PASSKEY_REGISTERED", "something new")).contains(new PasskeyHistory.Code(Kind.ADDED, Cause.UNKNOWN));
        assertThat(PasskeyHistory.code("PASSKEY_USED", "sign-in modal")).isEmpty();
        assertThat(PasskeyHistory.code("CEREMONY_REJECTED", "VERIFICATION_FAILED")).isEmpty();
        assertThat(PasskeyHistory.TYPES).doesNotContain("PASSKEY_USED", "CEREMONY_REJECTED");
    }

    /** The texts rows hold since the log began: the writers and the reader share them ({@link CredentialEvents.Detail}). */
    @Test
    void theWrittenTextsAreTheStoredOnesAndReadBack() {
        assertThat(java.util.Arrays.stream(CredentialEvents.Detail.values()).map(d -> d.text)).containsExactly("sign-up",
                "added", "handoff: waiting for the pairing code", "handoff: paired", "automatic name", "renamed",
                "removed by the user", "device reported lost");
        for (CredentialEvents.Detail d : CredentialEvents.Detail.values()) {
            assertThat(CredentialEvents.Detail.of(d.text)).contains(d);
        }
        assertThat(CredentialEvents.Detail.of("handoff: paired (was pending 1234)")).contains(CredentialEvents.Detail.HANDOFF_PAIRED);
        assertThat(CredentialEvents.Detail.of("handoff: pairedX")).isEmpty();
        assertThat(CredentialEvents.Detail.of("renamed later")).isEmpty();
    }
}
