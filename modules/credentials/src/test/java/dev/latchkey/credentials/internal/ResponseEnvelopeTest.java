package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.credentials.api.CeremonyRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ResponseEnvelopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsIdAndTheReportedAttachment() {
        ResponseEnvelope e = ResponseEnvelope.parse(JSON,
                "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":{},"
                        + "\"authenticatorAttachment\":\"cross-platform\"}");
        assertThat(e.id()).isEqualTo("AQID");
        assertThat(e.attachment()).hasValue("cross-platform");
    }

    @Test
    void anUnknownAttachmentValueIsIgnoredNotTrusted() {
        ResponseEnvelope e = ResponseEnvelope.parse(JSON,
                "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":{},"
                        + "\"authenticatorAttachment\":\"<img src=x>\"}");
        assertThat(e.attachment()).isEmpty();
    }

    @Test
    void idDifferentFromRawIdIsRejected() {
        assertThatThrownBy(() -> ResponseEnvelope.parse(JSON,
                "{\"id\":\"AQID\",\"rawId\":\"AQIE\",\"type\":\"public-key\",\"response\":{}}"))
                .isInstanceOfSatisfying(CeremonyRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CeremonyRejected.Reason.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "[]", "\"text\"", "{", "{}", "{\"id\":1,\"rawId\":1}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\"}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"password\",\"response\":{}}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"response\":[]}"})
    void malformedEnvelopesAreRejectedAsMalformed(String json) {
        assertThatThrownBy(() -> ResponseEnvelope.parse(JSON, json))
                .isInstanceOfSatisfying(CeremonyRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CeremonyRejected.Reason.MALFORMED);
                    assertThat(e.getMessage()).contains("could not read");
                });
    }

    @Test
    void oversizedPayloadsAreRejectedBeforeParsing() {
        String huge = "{\"id\":\"" + "A".repeat(ResponseEnvelope.MAX_CHARS) + "\"}";
        assertThatThrownBy(() -> ResponseEnvelope.parse(JSON, huge)).isInstanceOf(CeremonyRejected.class);
    }
}
