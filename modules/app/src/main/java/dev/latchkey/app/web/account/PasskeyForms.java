package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.UiText;
import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyManagement;
import dev.latchkey.credentials.api.RelyingParty;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The passkey cards of {@code /account/security} and their forms: {@code POST /account/passkeys/rename}
 * (form {@code passkey}, {@code name}) and {@code POST /account/passkeys/remove} (form {@code passkey},
 * after a step-up). Kept apart from {@link AccountSecurityPage}, which only hands over.
 */
@ApplicationScoped
public class PasskeyForms {

    static final String RENAME = "/account/passkeys/rename";
    static final String REMOVE = "/account/passkeys/remove";

    /** How the account page renders itself, with a refused change. */
    interface Page {
        void render(HttpServletRequest request, HttpServletResponse response, int status, Account account,
                    AccountSecurityView.Refused refused) throws IOException;
    }

    @Inject
    PasskeyManagement management;

    @Inject
    StepUp stepUp;

    @Inject
    RelyingParty relyingParty;

    @Inject
    dev.latchkey.app.web.ReaderLanguage language;

    @Inject
    dev.latchkey.app.web.Views views;

    /** The cards, the notices after a change, and what the page script signals to the passkey provider. */
    Cards cards(HttpServletRequest request, Account account) {
        Optional<UUID> thisDevice = SessionCookieFilter.session(request).flatMap(Sessions.SignedInSession::deviceId);
        List<PasskeyCard> cards = management.cards(account.id(), thisDevice);
        // Signal API (WebAuthn L3 §5.1.10): the COMPLETE list of the account's credential ids, so
        // the provider hides only passkeys that are really gone; a partial list would hide valid ones.
        java.util.Locale locale = language.of(request);
        return new Cards(cards.stream().map(c -> PasskeyCardView.of(c, locale, shownName(request, locale, c),
                        views.devices(request, locale))).toList(),
                request.getParameter("passkeyRemoved") != null, request.getParameter("passkeyRenamed") != null,
                new Signals(relyingParty.id(), account.userHandle().base64Url(),
                        String.join(" ", cards.stream().map(PasskeyCard::credentialId).toList()), account.email().value(),
                        account.displayName(), request.getParameter("detailsChanged") != null));
    }

    /** The passkey cards' part of the account page's view model. */
    record Cards(List<PasskeyCardView> passkeys, boolean passkeyRemoved, boolean passkeyRenamed, Signals passkeySignals) {
    }

    /** What the page script hands to {@code PublicKeyCredential.signal*}: data-* attributes, never inline script. */
    public record Signals(String rpId, String userId, String credentialIds, String name, String displayName,
                          boolean detailsChanged) {
    }

    /** One of the account's passkeys, as its card shows it, for the page that confirms its removal. */
    Optional<PasskeyCardView> card(HttpServletRequest request, Account account, String id) {
        Optional<UUID> wanted = parse(id);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> thisDevice = SessionCookieFilter.session(request).flatMap(Sessions.SignedInSession::deviceId);
        java.util.Locale locale = language.of(request);
        return management.cards(account.id(), thisDevice).stream()
                .map(c -> PasskeyCardView.of(c, locale, shownName(request, locale, c), views.devices(request, locale)))
                .filter(c -> c.id().equals(wanted.get().toString())).findFirst();
    }

    /**
     * The name a card shows in the reader's language: the person's own, else the automatic one in words
     * ({@code cards.name.*}, the provider's or device's name as a plain argument).
     */
    private String shownName(HttpServletRequest request, java.util.Locale locale, PasskeyCard c) {
        return shownName(views, request, locale, c);
    }

    /** {@link #shownName(HttpServletRequest, java.util.Locale, PasskeyCard)} for other pages that show a card. */
    static String shownName(dev.latchkey.app.web.Views views, HttpServletRequest request, java.util.Locale locale,
                            PasskeyCard c) {
        if (c.customName()) {
            return c.name();
        }
        PasskeyCard.AutomaticName automatic = c.automaticName();
        return switch (automatic.kind()) {
            case PROVIDER -> automatic.argument();
            case SECURITY_KEY -> views.message(request, locale, "cards.name.securityKey");
            case MADE_ON -> dev.latchkey.identity.api.DeviceLabel.read(automatic.argument()).isPresent()
                    ? views.message(request, locale, "cards.name.madeOnLabel", views.device(request, locale, automatic.argument()))
                    : views.message(request, locale, "cards.name.madeOn", automatic.argument());
            case PHONE_OR_TABLET -> views.message(request, locale, "cards.name.phoneOrTablet");
            case UNNAMED -> views.message(request, locale, "cards.name.passkey");
        };
    }

    /** The two forms of a passkey card. */
    enum Form { RENAME, REMOVE }

    void post(HttpServletRequest request, HttpServletResponse response, Account account, Page page, Form form)
            throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        Optional<UUID> passkey = parse(request.getParameter("passkey"));
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        if (passkey.isEmpty()) {
            page.render(request, response, 400, account, AccountSecurityView.Refused.passkey(null,
                    UiText.of("cards.choose")));
            return;
        }
        String anchor = "#passkey-" + passkey.get();
        if (form == Form.RENAME) {
            PasskeyManagement.Rename renamed = management.rename(account.id(), passkey.get(),
                    Optional.ofNullable(request.getParameter("name")).orElse(""));
            switch (renamed.outcome()) {
                case RENAMED, NAME_RESET -> response.sendRedirect(Paths.ACCOUNT + "?passkeyRenamed" + anchor);
                case REFUSED -> page.render(request, response, 422, account,
                        AccountSecurityView.Refused.passkeyName(passkey.get(),
                                UiText.of("cards.name.tooLong", PasskeyManagement.MAX_NAME_LENGTH)));
                case NOT_FOUND -> page.render(request, response, 404, account,
                        AccountSecurityView.Refused.passkey(null, UiText.of("cards.notFound")));
            }
            return;
        }
        // Removing a passkey is a sensitive action (StepUp): a borrowed session must not strip the owner's passkeys.
        Optional<StepUpProof> proof = stepUp.proof(session.get().sessionId());
        if (proof.isEmpty()) {
            // Back here after the step-up, and the removal goes on (Paths.resumes).
            response.sendRedirect(Paths.stepUp(REMOVE + "?passkey=" + passkey.get() + "&resume", "remove-passkey"));
            return;
        }
        PasskeyManagement.Removal removal = management.remove(proof.get(), passkey.get(), session.get().deviceId());
        switch (removal.outcome()) {
            case REMOVED -> response.sendRedirect(Paths.ACCOUNT + "?passkeyRemoved#passkeys-heading");
            case LAST_WAY_IN -> page.render(request, response, 409, account,
                    AccountSecurityView.Refused.passkey(passkey.get(),
                            AccountSecurityView.Refused.lastWayIn("passkey", removal.confirmAddressFirst())));
            case NOT_FOUND -> page.render(request, response, 404, account,
                    AccountSecurityView.Refused.passkey(null, UiText.of("cards.notFound")));
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
