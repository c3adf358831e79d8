package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.credentials.api.PasskeyProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AaguidListTest {

    static final UUID GOOGLE = UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");

    private static InputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedListNamesItsProvidersWithImageIcons() throws Exception {
        try (InputStream in = ProviderDirectory.class.getResourceAsStream(ProviderDirectory.SHIPPED)) {
            AaguidList.Parsed parsed = AaguidList.parse(in);
            assertThat(parsed.providers()).hasSize(52);
            assertThat(parsed.skipped()).isZero();
            PasskeyProvider google = parsed.providers().get(GOOGLE);
            assertThat(google.name()).isEqualTo("Google Password Manager");
            assertThat(google.iconLight()).hasValueSatisfying(i -> assertThat(i).startsWith("data:image/svg+xml;base64,"));
        }
    }

    @Test
    void aBrokenFileIsRefusedAsAWhole() {
        assertThatThrownBy(() -> AaguidList.parse(json("{\"ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4\": {\"name\": ")))
                .isInstanceOf(AaguidList.Unreadable.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> AaguidList.parse(json("[1, 2]"))).isInstanceOf(AaguidList.Unreadable.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> AaguidList.parse(json(""))).isInstanceOf(AaguidList.Unreadable.class);
    }

    @Test
    void anEmptyListIsReadAsNoProviders() throws Exception {
        assertThat(AaguidList.parse(json("{}")).providers()).isEmpty();
    }

    @Test
    void hostileEntriesAreSkippedOrDefused() throws Exception {
        AaguidList.Parsed parsed = AaguidList.parse(json("""
                {
                  "not-an-aaguid": {"name": "Bad key"},
                  "00000000-0000-0000-0000-000000000000": {"name": "Claims the zero AAGUID"},
                  "11111111-1111-1111-1111-111111111111": {"name": 42},
                  "22222222-2222-2222-2222-222222222222": {"name": "\\u202egoogle.com\\u0007  Vault\\n"},
                  "33333333-3333-3333-3333-333333333333": {"name": "Scripted", "icon_light": "javascript:alert(1)",
                     "icon_dark": "data:text/html;base64,PHNjcmlwdD4="},
                  "44444444-4444-4444-4444-444444444444": {"name": "Svg", "icon_light": "data:image/svg+xml;base64,PHN2Zz4=\\"><script>"},
                  "55555555-5555-5555-5555-555555555555": {"name": "Png", "icon_dark": "data:image/png;base64,iVBORw0KGgo="}
                }
                """));
        assertThat(parsed.skipped()).isEqualTo(3);
        assertThat(parsed.providers().get(UUID.fromString("22222222-2222-2222-2222-222222222222")).name())
                .isEqualTo("google.com Vault");
        PasskeyProvider scripted = parsed.providers().get(UUID.fromString("33333333-3333-3333-3333-333333333333"));
        assertThat(scripted.iconLight()).isEmpty();
        assertThat(scripted.iconDark()).isEmpty();
        assertThat(parsed.providers().get(UUID.fromString("44444444-4444-4444-4444-444444444444")).iconLight()).isEmpty();
        assertThat(parsed.providers().get(UUID.fromString("55555555-5555-5555-5555-555555555555")).iconDark())
                .hasValue("data:image/png;base64,iVBORw0KGgo=");
    }
}
