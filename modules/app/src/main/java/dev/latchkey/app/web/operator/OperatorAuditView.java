package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.insights.api.AccountLookup;
import dev.latchkey.nudges.api.Words;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** {@code operator-audit}: what staff did, newest first; actions by code ({@code op.action.<code>}). */
public record OperatorAuditView(List<Row> actions, Times when) implements PageView {

    @Override
    public String template() {
        return "operator-audit";
    }

    /** One staff action, its details said in the reader's language (empty when there are none). */
    public record Row(Instant at, String actorEmail, String action, String subject, String detail) {

        static List<Row> of(List<AccountLookup.StaffAction> actions, Function<Words, String> say) {
            return actions.stream().map(a -> new Row(a.at(), a.actorEmail(), a.action(), a.subject(),
                    a.detail().map(say).orElse(""))).toList();
        }
    }
}
