package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;

/**
 * The 403 page of the operator console ({@code staff-forbidden}): what the page is, the roles that
 * grant it, and the account's own roles (empty when it has none).
 */
public record StaffForbiddenView(String what, String neededRoles, String yourRoles) implements PageView {

    @Override
    public String template() {
        return "staff-forbidden";
    }
}
