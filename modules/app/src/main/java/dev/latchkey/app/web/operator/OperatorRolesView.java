package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * {@code operator-roles}: staff roles, from configuration and granted here, with the grant form.
 *
 * @param error  why the last change was refused, or {@code null}
 * @param notice what the last change did, or {@code null}
 */
public record OperatorRolesView(String error, String notice, String email, List<Row> members) implements PageView {

    /** @param revocable the roles granted here, each with its revoke form */
    public record Row(String accountId, String email, String configured, List<Grant> revocable) {
    }

    public record Grant(String role, String words) {
    }

    @Override
    public String template() {
        return "operator-roles";
    }
}
