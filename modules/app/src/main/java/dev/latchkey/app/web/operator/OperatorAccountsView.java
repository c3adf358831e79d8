package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * {@code operator-accounts}: the search form and its matches.
 *
 * @param searched whether a search ran (an empty result then says "no account")
 * @param problem  what is wrong with the query (empty when nothing)
 */
public record OperatorAccountsView(String query, boolean searched, String problem, List<Row> matches)
        implements PageView {

    @Override
    public String template() {
        return "operator-accounts";
    }

    /** One match. */
    public record Row(String href, String email, String confirmed, String displayName, String created) {
    }
}
