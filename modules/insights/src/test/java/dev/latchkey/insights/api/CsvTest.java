package dev.latchkey.insights.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.nudges.api.Words;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static InsightsTable table(List<String> columns, List<List<String>> rows) {
        return InsightsTable.plain("t", InsightsTable.columns("t", columns.toArray(String[]::new)),
                rows.stream().map(r -> InsightsTable.data(r.toArray(String[]::new))).toList());
    }

    @Test
    void wordsOfOursAreTheirStableCodesInEveryLanguageAndHeadersStayEnglish() {
        InsightsTable t = InsightsTable.plain("sign-ins-by-method", InsightsTable.columns("sign-ins-by-method", "Method", "Failed"),
                List.of(List.of(Cell.said("PASSKEY_THIS_DEVICE", Words.of("op.method.PASSKEY_THIS_DEVICE")), Cell.of("2"))));
        assertThat(t.columns().get(1).words()).contains(Words.of("insights.sign-ins-by-method.col.1"));
        assertThat(Csv.of(t)).isEqualTo("Method,Failed\r\nPASSKEY_THIS_DEVICE,2\r\n");
    }

    @Test
    void writesRfc4180WithCrlfQuotingAndDoubledQuotes() {
        String csv = Csv.of(table(List.of("Provider", "Passkeys"), List.of(
                List.of("iCloud Keychain", "12"),
                List.of("Acme, Inc. \"Keys\"", "3"),
                List.of("two\nlines", "0"))));
        assertThat(csv).isEqualTo("Provider,Passkeys\r\n"
                + "iCloud Keychain,12\r\n"
                + "\"Acme, Inc. \"\"Keys\"\"\",3\r\n"
                + "\"two\nlines\",0\r\n");
    }

    @Test
    void defusesWhatASpreadsheetWouldRunAsAFormulaButKeepsNumbers() {
        String csv = Csv.of(table(List.of("a", "b", "c", "d", "e", "f"), List.of(
                List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "@SUM(A1)", "\tcmd", "-2.5", "-3+cmd|' /C calc'!A0"))));
        String line = csv.split("\r\n")[1];
        assertThat(line).startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+1+2,'@SUM(A1),'\tcmd,-2.5,");
        assertThat(line).endsWith(",'-3+cmd|' /C calc'!A0");
    }

    @Test
    void emptyTableIsJustItsHeader() {
        assertThat(Csv.of(table(List.of("Day", "Coverage (%)"), List.of()))).isEqualTo("Day,Coverage (%)\r\n");
    }

    @Test
    void rangesAreAtMost366DaysAndBadDatesAreSaidSo() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(DateRange.parse("", "", today).range().orElseThrow()).isEqualTo(new DateRange(LocalDate.of(2026, 11, 7), today));
        assertThat(DateRange.parse("2025-12-06", "2026-12-06", today).range()).isPresent();
        assertThat(DateRange.parse("2025-12-05", "2026-12-06", today).problem()).contains(Words.of("op.insights.problem.tooLong", "366"));
        assertThat(DateRange.parse("2026-12-07", "2026-12-06", today).problem()).contains(Words.of("op.insights.problem.order"));
        assertThat(DateRange.parse("yesterday", "", today).problem()).contains(Words.of("op.insights.problem.date"));
        assertThatThrownBy(() -> new DateRange(today, today.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
