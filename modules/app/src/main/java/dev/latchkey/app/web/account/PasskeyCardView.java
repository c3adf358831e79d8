package dev.latchkey.app.web.account;

import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.When;
import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyProvider;

/**
 * One passkey card as the template shows it, in words. Icons are data URIs the credentials module
 * checked ({@code data:image/svg+xml} or {@code data:image/png}, base64 only): for {@code <img src>},
 * never inlined as markup. Empty strings mean "none" (a passkey never used: the page says so in its
 * language, {@code cards.neverUsed}).
 */
public record PasskeyCardView(String id, String name, boolean customName, String storage, UiText whereItLives,
                              String providerName,
                              String iconLight, String iconDark, String created, String createdIso, String createdOn,
                              String lastUsed, String lastUsedIso, String lastUsedOn) {

    /**
     * @param locale the page's language, for the dates
     * @param name   the name to show, in that language ({@link PasskeyCard.AutomaticName} unless the person named it)
     * @param device a device's name or label in that language ({@link dev.latchkey.app.web.Views#device})
     */
    static PasskeyCardView of(PasskeyCard c, java.util.Locale locale, String name,
                              java.util.function.UnaryOperator<String> device) {
        return new PasskeyCardView(c.id().toString(), name, c.customName(),
                c.storage().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), where(c.whereItLives(), device),
                c.provider().map(PasskeyProvider::name).orElse(""),
                c.provider().flatMap(PasskeyProvider::iconLight).orElse(""),
                c.provider().flatMap(PasskeyProvider::iconDark).orElse(""),
                When.shown(c.createdAt(), locale), When.iso(c.createdAt()), c.createdOn().map(device).orElse(""),
                c.lastUsedAt().map(t -> When.shown(t, locale)).orElse(""),
                c.lastUsedAt().map(When::iso).orElse(""), c.lastUsedOn().map(device).orElse(""));
    }

    /**
     * Where a passkey lives, as words of the page's language ({@code cards.where.*}); names stay as they are, a
     * device's automatic label is worded by {@code device}.
     */
    static UiText where(PasskeyCard.WhereItLives where, java.util.function.UnaryOperator<String> device) {
        boolean named = !where.argument().isEmpty();
        return switch (where.kind()) {
            case SYNCED -> named ? UiText.of("cards.where.syncedWith", where.argument()) : UiText.of("cards.where.synced");
            case NOT_SYNCED_YET -> named ? UiText.of("cards.where.notSyncedYetWith", where.argument())
                    : UiText.of("cards.where.notSyncedYet");
            case SECURITY_KEY -> UiText.of("cards.where.securityKey");
            case PHONE_OR_TABLET -> UiText.of("cards.where.phoneOrTablet");
            case THIS_DEVICE -> UiText.of("cards.where.thisDevice");
            case CREATING_DEVICE -> named ? UiText.of("cards.where.creatingDeviceNamed", device.apply(where.argument()))
                    : UiText.of("cards.where.creatingDevice");
        };
    }
}
