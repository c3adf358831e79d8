package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * {@code operator-home}: the console's pages this staff member may open ({@code op.home.<page>.title} and
 * {@code .description}), and their roles ({@code op.role.<ROLE>}).
 */
public record OperatorHomeView(List<String> roles, List<Link> links) implements PageView {

    @Override
    public String template() {
        return "operator-home";
    }

    /** One page of the console. */
    public record Link(String href, String page) {
    }
}
