package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.insights.api.AccountLookup;
import java.util.List;

/**
 * {@code operator-account}: one account as staff see it (insights' {@link AccountLookup.Detail}: data and codes,
 * said by the template in the reader's language), the staff actions about it with their details in that
 * language ({@code lookups}), and the assisted-recovery form for agents and admins ({@code recoveryForm},
 * {@code null} for other roles). Devices' automatic labels are worded by {@code devices}.
 */
public record OperatorAccountView(AccountLookup.Detail detail, List<OperatorAuditView.Row> lookups,
                                  OperatorRecoveryView.Form recoveryForm, Times when, DeviceNames devices)
        implements PageView {

    @Override
    public String template() {
        return "operator-account";
    }
}
