package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * The view model of {@code recovery-codes}: how many unused codes are left, since when (empty if
 * never made), and the new codes, shown this once right after they were made (empty otherwise).
 */
public record RecoveryCodesView(int remaining, String createdAt, List<String> codes) implements PageView {

    @Override
    public String template() {
        return "recovery-codes";
    }
}
