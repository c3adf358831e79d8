package dev.latchkey.nudges.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The handoff link's token and pairing code, as a person types or scans them. */
class HandoffTokensTest {

    @Test
    void aTokenIsTwentyCrockfordSymbolsAndTokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = HandoffService.newToken();
            assertThat(token).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]{20}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void caseAndHyphensDoNotMatterButAnythingElseIsNoToken() {
        String token = HandoffService.newToken();
        String grouped = token.substring(0, 4) + "-" + token.substring(4, 8) + "-" + token.substring(8);
        assertThat(HandoffService.normalise(grouped.toLowerCase())).hasValue(token);
        assertThat(HandoffService.normalise(token + "0")).isEmpty();
        assertThat(HandoffService.normalise(token.substring(1))).isEmpty();
        assertThat(HandoffService.normalise("ILOU" + token.substring(4))).as("letters Crockford leaves out").isEmpty();
        assertThat(HandoffService.normalise(token.substring(2) + "/.")).isEmpty();
        assertThat(HandoffService.normalise(null)).isEmpty();
        assertThat(HandoffService.normalise("x".repeat(65))).isEmpty();
    }

    @Test
    void aPairingCodeIsSixDigitsAndItsHashDependsOnTheHandoff() {
        assertThat(HandoffService.newCode()).matches("[0-9]{6}");
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertThat(HandoffService.codeHash(one, "123456")).isEqualTo(HandoffService.codeHash(one, "123456"))
                .isNotEqualTo(HandoffService.codeHash(other, "123456"))
                .isNotEqualTo(HandoffService.codeHash(one, "123457"));
    }
}
