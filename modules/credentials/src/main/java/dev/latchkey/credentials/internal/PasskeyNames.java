package dev.latchkey.credentials.internal;

import java.text.Normalizer;

/**
 * Names of passkeys and providers as text that is safe to show: NFC, no control characters, no
 * direction-changing characters (which can make "moc.elgoog" read as "google.com"), runs of
 * whitespace as one space, trimmed, and at most a given number of code points. Pages escape
 * them too; this is about what a person reads, not about markup.
 */
final class PasskeyNames {

    private PasskeyNames() {
    }

    static String clean(String raw, int maxCodePoints) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int cp : Normalizer.normalize(raw, Normalizer.Form.NFC).codePoints().toArray()) {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (Character.getType(cp) == Character.CONTROL || isBidiControl(cp) || Character.getType(cp) == Character.UNASSIGNED
                    || Character.getType(cp) == Character.PRIVATE_USE || Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        String s = out.toString();
        return s.codePointCount(0, s.length()) <= maxCodePoints ? s : s.substring(0, s.offsetByCodePoints(0, maxCodePoints)).strip();
    }

    /** Whether the cleaned name is longer than allowed (callers refuse instead of cutting what the user typed). */
    static boolean tooLong(String raw, int maxCodePoints) {
        String s = clean(raw, Integer.MAX_VALUE);
        return s.codePointCount(0, s.length()) > maxCodePoints;
    }

    /** U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069 (Unicode bidi formatting characters). */
    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
