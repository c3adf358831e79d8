package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;
import java.util.List;

/**
 * {@code operator-roles}: staff roles, from configuration and granted here, with the grant form.
 *
 * @param error  why the last change was refused ({@code op.roles.refused.*}), or {@code null}
 * @param notice what the last change did ({@code op.roles.granted}, {@code op.roles.revoked}), or {@code null}
 */
public record OperatorRolesView(UiText error, String notice, String email, List<Row> members) implements PageView {

    /**
     * @param configured the roles from the deployment's settings, by name ({@code op.role.<ROLE>})
     * @param revocable  the roles granted here, by name, each with its revoke form
     */
    public record Row(String accountId, String email, List<String> configured, List<String> revocable) {
    }

    @Override
    public String template() {
        return "operator-roles";
    }
}
