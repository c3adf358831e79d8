package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * The 403 page of the operator console ({@code staff-forbidden}): what the page is (a {@code Permission}'s name),
 * the roles that grant it, and the account's own roles (empty when it has none), as {@code StaffRole} names: the
 * page finds their words in the messages ({@code forbidden.permission.*}, {@code forbidden.role.*}).
 */
public record StaffForbiddenView(String permission, List<String> neededRoles, List<String> yourRoles)
        implements PageView {

    @Override
    public String template() {
        return "staff-forbidden";
    }
}
