package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * The view model of {@code recovery-codes}: how many unused codes are left, since when (empty if
 * never made), and the new codes, shown this once right after they were made (empty otherwise).
 */
public record RecoveryCodesView(int remaining, String createdAt, List<String> codes, String downloadText)
        implements PageView {

    /** The status of the account's codes (none shown). */
    static RecoveryCodesView status(int remaining, String createdAt) {
        return new RecoveryCodesView(remaining, createdAt, List.of(), "");
    }

    /** New codes, shown this once, with the text of the file "Download" saves. */
    static RecoveryCodesView fresh(List<String> codes) {
        return new RecoveryCodesView(codes.size(), "", codes, "Latchkey recovery codes\n\n" + String.join("\n", codes)
                + "\n\nEach code signs you in once, if you lose every device with a passkey. Keep them somewhere safe;"
                + " making new codes replaces these.\n");
    }

    @Override
    public String template() {
        return "recovery-codes";
    }
}
