package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code step-up}: "Confirm it's you", then back to {@code next} (a path of ours). */
public record StepUpView(String next) implements PageView {

    @Override
    public String template() {
        return "step-up";
    }
}
