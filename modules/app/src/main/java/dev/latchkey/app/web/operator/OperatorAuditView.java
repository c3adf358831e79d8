package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.insights.api.AccountLookup;
import java.util.List;

/** {@code operator-audit}: what staff did, newest first; actions by code ({@code op.action.<code>}). */
public record OperatorAuditView(List<AccountLookup.StaffAction> actions, Times when) implements PageView {

    @Override
    public String template() {
        return "operator-audit";
    }
}
