package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;
import dev.latchkey.credentials.api.LostDevicePlan;
import dev.latchkey.education.api.Tip;
import java.util.List;

/**
 * The view model of {@code lost-device}: "I lost “Chrome on Android”", with the passkeys that will be
 * removed and those that stay (synced) and what to do at their provider instead.
 */
public record LostDeviceView(String deviceId, String deviceLabel, List<PasskeyCardView> removed, List<Kept> kept,
                             Tip tip)
        implements PageView {

    /** A passkey that stays, why, and what to do instead. */
    public record Kept(PasskeyCardView passkey, String why, String whatToDo) {
    }

    /**
     * @param tip    education's tip for a lost device, or {@code null}
     * @param locale the page's language, for dates
     * @param name   a card's name in that language (as the account page names it)
     */
    static LostDeviceView of(LostDevicePlan plan, Tip tip, java.util.Locale locale,
                             java.util.function.Function<dev.latchkey.credentials.api.PasskeyCard, String> name) {
        return new LostDeviceView(plan.deviceId().toString(), plan.deviceLabel(),
                plan.removed().stream().map(c -> PasskeyCardView.of(c, locale, name.apply(c))).toList(),
                plan.kept().stream().map(k -> new Kept(PasskeyCardView.of(k.passkey(), locale, name.apply(k.passkey())),
                        k.why(), k.whatToDo())).toList(),
                tip);
    }

    @Override
    public String template() {
        return "lost-device";
    }
}
