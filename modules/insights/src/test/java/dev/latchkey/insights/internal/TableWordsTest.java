package dev.latchkey.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.insights.api.Cell;
import dev.latchkey.nudges.api.Scenario;
import dev.latchkey.nudges.api.Words;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which cells a page says in words and which it shows as data; the CSV always holds the code. */
class TableWordsTest {

    @Test
    void methodsScenariosAndKnownReasonsAreWordsWithTheirCodeForTheCsv() {
        assertThat(TableWords.method("PASSKEY_THIS_DEVICE"))
                .isEqualTo(Cell.said("PASSKEY_THIS_DEVICE", Words.of("op.method.PASSKEY_THIS_DEVICE")));
        assertThat(TableWords.scenario("HYBRID_SIGN_IN").words()).contains(Words.of("op.insights.cell.scenario.HYBRID_SIGN_IN"));
        assertThat(TableWords.reason("WRONG_CODE")).isEqualTo(Cell.said("WRONG_CODE", Words.of("op.insights.cell.reason.WRONG_CODE")));
        assertThat(TableWords.reason("").words()).contains(Words.of("op.insights.cell.reason.none"));
        assertThat(TableWords.handoffStep("REFUSED_EXPIRED").text()).isEqualTo("REFUSED_EXPIRED");
        assertThat(TableWords.variant("B")).isEqualTo(Cell.said("B", Words.of("op.insights.cell.variant", "B")));
    }

    @Test
    void everyPasskeyCeremonyReasonHasWords() {
        Arrays.stream(CeremonyRejected.Reason.values()).forEach(r ->
                assertThat(TableWords.reason(r.name()).words()).as(r.name()).isPresent());
        Arrays.stream(SignInMethod.values()).forEach(m -> assertThat(TableWords.method(m.name()).words()).isPresent());
        Arrays.stream(Scenario.values()).forEach(s -> assertThat(TableWords.scenario(s.name()).words()).isPresent());
    }

    /** The console's operator part has words for every code named here, in English and German. */
    @Test
    void everyCodeWithWordsHasThemInEveryLanguage() throws java.io.IOException {
        for (String part : new String[] {"operator.properties", "operator_de.properties"}) {
            java.util.Properties p = new java.util.Properties();
            try (java.io.Reader in = java.nio.file.Files.newBufferedReader(
                    java.nio.file.Path.of("../../ui-templates/templates/i18n", part), java.nio.charset.StandardCharsets.UTF_8)) {
                p.load(in);
            }
            java.util.List<Cell> cells = new java.util.ArrayList<>();
            TableWords.REASONS.forEach(r -> cells.add(TableWords.reason(r)));
            TableWords.HANDOFF_STEPS.forEach(s -> cells.add(TableWords.handoffStep(s)));
            Arrays.stream(Scenario.values()).forEach(s -> cells.add(TableWords.scenario(s.name())));
            cells.addAll(java.util.List.of(TableWords.reason(""), TableWords.provider(TableWords.UNKNOWN_PROVIDER),
                    TableWords.deviceGroup(TableWords.UNKNOWN_DEVICE_GROUP), TableWords.variant("A"), TableWords.allVariants(),
                    TableWords.allInRange(), TableWords.notAvailable(), TableWords.interval("1", "2")));
            for (Cell c : cells) {
                assertThat(p.getProperty(c.words().orElseThrow().key())).as(part + ": " + c).isNotBlank();
            }
        }
    }

    @Test
    void properNamesAndCodesWeHaveNoWordsForStayData() {
        assertThat(TableWords.provider("iCloud Keychain")).isEqualTo(Cell.of("iCloud Keychain"));
        assertThat(TableWords.provider("Unknown provider").words()).contains(Words.of("op.insights.cell.unknownProvider"));
        assertThat(TableWords.deviceGroup("iPhone")).isEqualTo(Cell.of("iPhone"));
        assertThat(TableWords.deviceGroup("Unknown").words()).contains(Words.of("op.insights.cell.unknownDevice"));
        assertThat(TableWords.reason("SOMETHING_NEW")).isEqualTo(Cell.of("SOMETHING_NEW"));
        assertThat(TableWords.method("RETIRED_METHOD")).isEqualTo(Cell.of("RETIRED_METHOD"));
    }
}
