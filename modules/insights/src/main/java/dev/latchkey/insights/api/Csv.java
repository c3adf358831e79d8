package dev.latchkey.insights.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A dashboard table as CSV (RFC 4180): a header line, CRLF line ends, every field that holds a
 * comma, a quote, CR or LF quoted, quotes doubled. A field that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or CR) gets a leading apostrophe (OWASP, CSV
 * injection), unless it is a plain number such as {@code -2.5}.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?( ?%)?");

    private Csv() {
    }

    public static String of(InsightsTable table) {
        StringBuilder out = new StringBuilder();
        line(out, table.columns());
        for (List<Cell> row : table.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    /** Each cell's {@link Cell#text}: codes and English headers, whatever the reader's language. */
    private static void line(StringBuilder out, List<Cell> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i).text()));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
