package dev.latchkey.app.web;

import dev.latchkey.credentials.api.Passkey;

/**
 * One passkey as the account page shows it, in words. Provider names and icons (from the AAGUID
 * list) come with the passkey management issue.
 */
public record PasskeyRow(String name, String kind, String created, String createdIso, String lastUsed,
                         String lastUsedIso) {

    static PasskeyRow of(Passkey p) {
        String kind = p.backedUp() ? "Syncs across your devices"
                : p.backupEligible() ? "Can sync across your devices" : "Only on the device that created it";
        return new PasskeyRow("Passkey", kind, When.shown(p.createdAt()), When.iso(p.createdAt()),
                p.lastUsedAt().map(When::shown).orElse("Not used to sign in yet"),
                p.lastUsedAt().map(When::iso).orElse(""));
    }
}
