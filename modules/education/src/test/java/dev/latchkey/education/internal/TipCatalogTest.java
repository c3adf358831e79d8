package dev.latchkey.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.education.api.Languages;
import dev.latchkey.education.api.Tip;
import dev.latchkey.education.api.TipKey;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TipCatalogTest {

    private static final ArticleLibrary.Resources SHIPPED = ArticleLibrary.Resources.of(TipCatalogTest.class);
    private static ArticleLibrary articles;
    private static TipCatalog tips;

    @BeforeAll
    static void load() {
        articles = ArticleLibrary.load(SHIPPED);
        tips = TipCatalog.load(SHIPPED, articles);
    }

    /** A value for every parameter, recognisable in the output. */
    private static Map<String, String> params(TipKey key) {
        return key.parameters().stream().collect(Collectors.toMap(Function.identity(), p -> "Param-" + p));
    }

    @Test
    void everyTipKeyResolvesInEveryLanguageWithItsParametersSubstituted() {
        for (Locale locale : Languages.supported()) {
            for (TipKey key : TipKey.values()) {
                Tip tip = tips.tip(key, locale, params(key));
                assertThat(tip.locale()).isEqualTo(locale);
                assertThat(tip.title()).as("%s %s", locale, key).isNotBlank().doesNotContain("{");
                assertThat(tip.text()).as("%s %s", locale, key).isNotBlank().doesNotContain("{").doesNotContain("}");
                for (String p : key.parameters()) {
                    assertThat(tip.title() + " " + tip.text()).as("%s %s mentions %s", locale, key, p).contains("Param-" + p);
                }
                String slug = tip.articlePath().substring("/learn/".length());
                assertThat(articles.slugs()).as("%s %s links to an article", locale, key).contains(slug);
                assertThat(tip.articleTitle()).isEqualTo(articles.exact(slug, locale).orElseThrow().article().title());
            }
        }
    }

    @Test
    void theGermanTipsAreTranslated() {
        for (TipKey key : TipKey.values()) {
            Tip en = tips.tip(key, Locale.ENGLISH, params(key));
            Tip de = tips.tip(key, Locale.GERMAN, params(key));
            assertThat(de.text()).as(key.toString()).isNotEqualTo(en.text());
            assertThat(de.title()).as(key.toString()).isNotEqualTo(en.title());
        }
    }

    @Test
    void parametersAreEscapedWhenRenderedAsHtml() {
        String hostile = "<img src=x onerror=\"alert('pwned')\"> & Co";
        Tip tip = tips.tip(TipKey.SAVED_IN_SYNCED_PROVIDER, Locale.ENGLISH, Map.of("provider", hostile));

        assertThat(tip.text()).as("plain text keeps the value as typed").contains(hostile);
        assertThat(tip.textHtml()).doesNotContain("<img").doesNotContain("\"alert")
                .contains("&lt;img src=x onerror=&quot;alert(&#39;pwned&#39;)&quot;&gt; &amp; Co");
        assertThat(tip.titleHtml()).doesNotContain("<img").startsWith("Saved in &lt;img");
    }

    @Test
    void aParameterThatLooksLikeAPlaceholderIsNotExpandedAgain() {
        Tip tip = tips.tip(TipKey.SAVED_ON_ONE_DEVICE, Locale.ENGLISH, Map.of("provider", "{provider}$1\\"));
        assertThat(tip.text()).startsWith("{provider}$1\\ keeps this passkey");
    }

    @Test
    void parameterValuesLoseControlCharactersAndAreShortened() {
        Tip tip = tips.tip(TipKey.ALL_PASSKEYS_ON_ONE_DEVICE, Locale.ENGLISH,
                Map.of("device", "  Pixel\n8\u202E\u0000  Pro\t" + "x".repeat(200)));
        assertThat(tip.text()).contains("your Pixel 8 Pro xxx").doesNotContain("\n").doesNotContain("\u202E")
                .doesNotContain("\u0000").contains("…");
        assertThat(TipCatalog.clean("x".repeat(200))).hasSize(80);
    }

    @Test
    void aCallerMustPassExactlyTheKeysParameters() {
        assertThatThrownBy(() -> tips.tip(TipKey.SAVED_IN_SYNCED_PROVIDER, Locale.ENGLISH, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[provider]");
        assertThatThrownBy(() -> tips.tip(TipKey.SHARED_DEVICE, Locale.ENGLISH, Map.of("device", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tips.tip(TipKey.SAVED_IN_SYNCED_PROVIDER, Locale.ENGLISH, Map.of("provider", " \n ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThat(tips.tip(TipKey.SHARED_DEVICE, Locale.ENGLISH, null).text()).isNotBlank();
    }

    @Test
    void anUnsupportedLanguageGetsTheEnglishTip() {
        Tip tip = tips.tip(TipKey.LOST_DEVICE, Locale.FRENCH, Map.of());
        assertThat(tip.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(tip.title()).isEqualTo("Lost your phone?");
    }

    @Test
    void aTranslationThatMissesAKeyOrAParameterFailsTheLoad() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        ArticleLibrary.Resources patched = path -> overrides.containsKey(path)
                ? new ByteArrayInputStream(overrides.get(path).getBytes(StandardCharsets.UTF_8)) : SHIPPED.open(path);
        String german = read(TipCatalog.fileName(Locale.GERMAN));

        overrides.put(TipCatalog.fileName(Locale.GERMAN), german.replaceAll("(?m)^lost-device\\.title=.*$", ""));
        assertThatThrownBy(() -> TipCatalog.load(patched, articles)).isInstanceOf(ContentException.class)
                .hasMessageContaining("tips_de.properties").hasMessageContaining("lost-device.title");

        overrides.put(TipCatalog.fileName(Locale.GERMAN), german.replace("„{device}“", "„{gerät}“"));
        assertThatThrownBy(() -> TipCatalog.load(patched, articles)).hasMessageContaining("all-passkeys-on-one-device");

        overrides.put(TipCatalog.fileName(Locale.GERMAN), german + "\nold-tip.title=Alt\n");
        assertThatThrownBy(() -> TipCatalog.load(patched, articles)).hasMessageContaining("old-tip.title");

        overrides.put(TipCatalog.fileName(Locale.GERMAN), german.replace("lost-device.article=lost-or-replaced-phone",
                "lost-device.article=no-such-article"));
        assertThatThrownBy(() -> TipCatalog.load(patched, articles)).hasMessageContaining("no-such-article");
    }

    private static String read(String path) throws Exception {
        try (InputStream in = SHIPPED.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
