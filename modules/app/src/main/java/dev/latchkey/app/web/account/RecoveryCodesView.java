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

    /**
     * New codes, shown this once; "Download" saves them in a file whose words are the page's
     * ({@code codes.file}), the codes one a line.
     */
    static RecoveryCodesView fresh(List<String> codes) {
        return new RecoveryCodesView(codes.size(), "", codes, String.join("\n", codes));
    }

    @Override
    public String template() {
        return "recovery-codes";
    }
}
