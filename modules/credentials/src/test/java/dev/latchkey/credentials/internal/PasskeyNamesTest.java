package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasskeyNamesTest {

    @Test
    void controlAndDirectionCharactersAreRemovedAndSpacesCollapsed() {
        assertThat(PasskeyNames.clean("  Work\u202Egpj.exe \t\n laptop\u0000 ", 64)).isEqualTo("Workgpj.exe laptop");
        assertThat(PasskeyNames.clean("\u2066\u2069", 64)).isEmpty();
    }

    @Test
    void letterEmojiAndScriptsOfEveryKindStay() {
        assertThat(PasskeyNames.clean("Pixel 9 – Jürgens 🔑 Ключ", 64)).isEqualTo("Pixel 9 – Jürgens 🔑 Ключ");
        assertThat(PasskeyNames.clean("👩\u200D💻 laptop", 64)).as("zero-width joiner inside an emoji").isEqualTo("👩\u200D💻 laptop");
    }

    @Test
    void lengthCountsCodePoints() {
        String keys = "🔑".repeat(64);
        assertThat(PasskeyNames.tooLong(keys, 64)).isFalse();
        assertThat(PasskeyNames.tooLong(keys + "x", 64)).isTrue();
        assertThat(PasskeyNames.tooLong("a" + "\u202E".repeat(100), 64)).as("stripped characters do not count").isFalse();
    }
}
