package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.util.List;

/** {@code operator-home}: the console's pages this staff member may open, and their roles in words. */
public record OperatorHomeView(String roles, List<Link> links) implements PageView {

    @Override
    public String template() {
        return "operator-home";
    }

    /** One page of the console. */
    public record Link(String href, String title, String description) {
    }
}
