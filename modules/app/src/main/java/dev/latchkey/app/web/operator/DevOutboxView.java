package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.util.List;

/** The view model of {@code dev-outbox}: the newest mail that would have been sent, newest first. */
public record DevOutboxView(List<Message> messages) implements PageView {

    @Override
    public String template() {
        return "dev-outbox";
    }

    /** One mail as listed. */
    public record Message(String recipient, String subject, String body, String queuedAt) {
    }
}
