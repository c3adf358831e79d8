package dev.latchkey.app.web.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.nudges.api.Words;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void aFigureTakesTheReadersDecimalSeparator() {
        assertThat(Decimals.shown("62.5 %", Locale.GERMAN)).isEqualTo("62,5 %");
        assertThat(Decimals.shown("0.0", Locale.GERMAN)).isEqualTo("0,0");
        assertThat(Decimals.shown("-3.2", Locale.GERMAN)).isEqualTo("-3,2");
        assertThat(Decimals.shown("62.5 %", Locale.ENGLISH)).isEqualTo("62.5 %");
    }

    @Test
    void onlyATextThatIsAFigureChanges() {
        for (String text : new String[] {"2026-12-07", "example.com", "1.2.3", "250", "v1.5 beta", "127.0.0.1"}) {
            assertThat(Decimals.shown(text, Locale.GERMAN)).isEqualTo(text);
        }
    }

    @Test
    void figuresAmongWordsChangeToo() {
        StringBuilder said = new StringBuilder();
        Decimals.saying(w -> {
            said.append(w);
            return "";
        }, Locale.GERMAN).apply(Words.of("a.key", "1.5", Words.of("b.key", "2.25", "x.y")));
        assertThat(said.toString()).contains("1,5").contains("2,25").contains("x.y").doesNotContain("1.5");
    }
}
