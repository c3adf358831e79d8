package dev.latchkey.app.web.operator;

import java.util.function.UnaryOperator;

/**
 * Devices' names in the page's language, for templates ({@code ${devices.say(d.label)}}): an automatic label
 * ("Chrome on Windows") in the reader's words, a name the person gave as it is
 * ({@link dev.latchkey.app.web.Views#device}).
 */
public record DeviceNames(UnaryOperator<String> words) {

    public String say(String nameOrLabel) {
        return words.apply(nameOrLabel);
    }
}
