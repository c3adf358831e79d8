package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.credentials.api.CeremonyRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseEnvelopeTest {

    @Test
    void readsIdAndTheReportedAttachment() {
        ResponseEnvelope e = ResponseEnvelope.parse(
                "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":{},"
                        + "\"authenticatorAttachment\":\"cross-platform\"}");
        assertThat(e.id()).isEqualTo("AQID");
        assertThat(e.attachment()).hasValue("cross-platform");
    }

    @Test
    void anUnknownAttachmentValueIsIgnoredNotTrusted() {
        ResponseEnvelope e = ResponseEnvelope.parse(
                "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":{},"
                        + "\"authenticatorAttachment\":\"<img src=x>\"}");
        assertThat(e.attachment()).isEmpty();
    }

    @Test
    void idDifferentFromRawIdIsRejected() {
        assertThatThrownBy(() -> ResponseEnvelope.parse(
                "{\"id\":\"AQID\",\"rawId\":\"AQIE\",\"type\":\"public-key\",\"response\":{}}"))
                .isInstanceOfSatisfying(CeremonyRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CeremonyRejected.Reason.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "[]", "\"text\"", "{", "{}", "{\"id\":1,\"rawId\":1}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\"}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"password\",\"response\":{}}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"response\":[]}",
            // #dom-publickeycredential-type is a string: other JSON types are malformed, not a crash.
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":42,\"response\":{}}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":true,\"response\":{}}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":{},\"response\":{}}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":null,\"response\":{}}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"type\":1,\"response\":{}}"})
    void malformedEnvelopesAreRejectedAsMalformed(String json) {
        assertThatThrownBy(() -> ResponseEnvelope.parse(json))
                .isInstanceOfSatisfying(CeremonyRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CeremonyRejected.Reason.MALFORMED);
                    assertThat(e.getMessage()).contains("could not read");
                });
    }

    @Test
    void deeplyNestedPayloadsAreRejectedAsMalformed() {
        String deep = "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":"
                + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThatThrownBy(() -> ResponseEnvelope.parse(deep))
                .isInstanceOfSatisfying(CeremonyRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CeremonyRejected.Reason.MALFORMED));
    }

    @Test
    void oversizedPayloadsAreRejectedBeforeParsing() {
        String huge = "{\"id\":\"" + "A".repeat(ResponseEnvelope.MAX_CHARS) + "\"}";
        assertThatThrownBy(() -> ResponseEnvelope.parse(huge)).isInstanceOf(CeremonyRejected.class);
    }
}
