package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;
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

    /** A passkey that stays, why, and what to do instead, as words of the page's language. */
    public record Kept(PasskeyCardView passkey, UiText why, UiText whatToDo) {

        static Kept of(LostDevicePlan.Kept kept, PasskeyCardView passkey) {
            java.util.Optional<String> provider = kept.passkey().provider().map(p -> p.name());
            return switch (kept.reason()) {
                case SYNCED -> new Kept(passkey,
                        provider.map(p -> UiText.of("lostDevice.kept.synced.why", p))
                                .orElse(UiText.of("lostDevice.kept.synced.whyUnknown")),
                        provider.map(p -> UiText.of("lostDevice.kept.synced.todo", p))
                                .orElse(UiText.of("lostDevice.kept.synced.todoUnknown")));
                case ON_SECURITY_KEY -> new Kept(passkey, UiText.of("lostDevice.kept.securityKey.why"),
                        UiText.of("lostDevice.kept.securityKey.todo"));
            };
        }
    }

    /**
     * @param tip    education's tip for a lost device, or {@code null}
     * @param locale the page's language, for dates
     * @param name   a card's name in that language (as the account page names it)
     * @param device a device's name or label in that language
     */
    static LostDeviceView of(LostDevicePlan plan, Tip tip, java.util.Locale locale,
                             java.util.function.Function<dev.latchkey.credentials.api.PasskeyCard, String> name,
                             java.util.function.UnaryOperator<String> device) {
        return new LostDeviceView(plan.deviceId().toString(), device.apply(plan.deviceLabel()),
                plan.removed().stream().map(c -> PasskeyCardView.of(c, locale, name.apply(c), device)).toList(),
                plan.kept().stream().map(k -> Kept.of(k, PasskeyCardView.of(k.passkey(), locale, name.apply(k.passkey()),
                                device)))
                        .toList(),
                tip);
    }

    @Override
    public String template() {
        return "lost-device";
    }
}
