package dev.latchkey.app.web;

import dev.latchkey.credentials.api.Passkey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One passkey as the account page shows it, in words. Provider names and icons (from the AAGUID
 * list) come with the passkey management issue.
 */
public record PasskeyRow(String name, String kind, String created, String createdIso, String lastUsed,
                         String lastUsedIso) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static PasskeyRow of(Passkey p) {
        String kind = p.backedUp() ? "Syncs across your devices"
                : p.backupEligible() ? "Can sync across your devices" : "Only on the device that created it";
        return new PasskeyRow("Passkey", kind, SHOWN.format(p.createdAt()), iso(p.createdAt()),
                p.lastUsedAt().map(SHOWN::format).orElse("Not used to sign in yet"),
                p.lastUsedAt().map(PasskeyRow::iso).orElse(""));
    }

    private static String iso(Instant i) {
        return DateTimeFormatter.ISO_INSTANT.format(i);
    }
}
