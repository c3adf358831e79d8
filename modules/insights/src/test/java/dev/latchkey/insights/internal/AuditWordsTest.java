package dev.latchkey.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.nudges.api.Words;
import org.junit.jupiter.api.Test;

class AuditWordsTest {

    @Test
    void wordsWithTextAndWordArgumentsReadBackAsTheyWereWritten() {
        Words started = Words.of("op.audit.started", "Lost phone; no codes", Words.of("op.document.PASSPORT"), "2");
        assertThat(AuditWords.decode(AuditWords.encode(started))).contains(started);
        assertThat(AuditWords.decode(AuditWords.encode(Words.of("op.audit.refused.ownAccount"))))
                .contains(Words.of("op.audit.refused.ownAccount"));
        assertThat(AuditWords.decode(AuditWords.encode(Words.of("op.audit.search", "", "0"))))
                .contains(Words.of("op.audit.search", "", "0"));
    }

    @Test
    void controlCharactersInTextCannotForgeAnArgumentAndLongTextIsCut() {
        Words typed = Words.of("op.audit.started", "a\u001Fwop.evil\nb", Words.of("op.document.PASSPORT"), "x".repeat(900));
        Words read = AuditWords.decode(AuditWords.encode(typed)).orElseThrow();
        assertThat(read.args()).hasSize(3);
        assertThat(read.args().get(0)).isEqualTo("a wop.evil b");
        assertThat((String) read.args().get(2)).hasSize(AuditWords.TEXT_MAX);
    }

    @Test
    void rowsWrittenBeforeOrUnreadableGiveNothingSoTheRecordedTextIsShown() {
        assertThat(AuditWords.decode(null)).isEmpty();
        assertThat(AuditWords.decode("")).isEmpty();
        assertThat(AuditWords.decode("op.audit.started\u001Fxnonsense")).isEmpty();
    }

    @Test
    void anArgumentInWordsHasNoArgumentsOfItsOwn() {
        assertThatThrownBy(() -> AuditWords.encode(Words.of("k", Words.of("inner", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
