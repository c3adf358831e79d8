package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.insights.api.AccountLookup;

/**
 * {@code operator-account}: one account as staff see it (insights' {@link AccountLookup.Detail}), with
 * the assisted-recovery form for agents and admins ({@code recoveryForm}, {@code null} for other roles).
 */
public record OperatorAccountView(AccountLookup.Detail detail, OperatorRecoveryView.Form recoveryForm)
        implements PageView {

    @Override
    public String template() {
        return "operator-account";
    }
}
