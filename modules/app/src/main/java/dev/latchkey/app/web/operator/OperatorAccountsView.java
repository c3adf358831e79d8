package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.time.Instant;
import java.util.List;

/**
 * {@code operator-accounts}: the search form and its matches.
 *
 * @param searched whether a search ran (an empty result then says "no account")
 * @param problem  whether the query was too long (at most {@code maxQuery} characters)
 */
public record OperatorAccountsView(String query, boolean searched, boolean problem, int maxQuery, List<Row> matches,
                                   Times when) implements PageView {

    @Override
    public String template() {
        return "operator-accounts";
    }

    /** One match. */
    public record Row(String href, String email, boolean confirmed, String displayName, Instant created) {
    }
}
