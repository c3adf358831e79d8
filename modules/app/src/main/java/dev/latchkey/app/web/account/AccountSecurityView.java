package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.When;
import dev.latchkey.app.web.nudges.CoverageCard;
import dev.latchkey.education.api.Tip;
import dev.latchkey.identity.api.Account;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The view model of {@code account-security} (with its {@code passkey-cards} and {@code coverage-card}
 * fragments). Notices after a change are booleans; {@code null} means "not shown": no password notice,
 * no coverage card (it failed), no automatic upgrade, and each refusal of {@link Refused} not there.
 *
 * @param autoUpgrade the decision id of the automatic upgrade the page script should try
 * @param passwordSaved the message key of the password notice ({@code account.password.added}, {@code .changed})
 * @param newPasskeyTip  right after a passkey was added: where it was saved, or {@code null}
 * @param oneDeviceTip   while every passkey is on one device: the risk and what to do, or {@code null}
 */
public record AccountSecurityView(Account account,
                                  List<PasskeyCardView> passkeys, boolean passkeyRemoved, boolean passkeyRenamed,
                                  PasskeyForms.Signals passkeySignals,
                                  PasswordStatus password, String passwordSaved,
                                  List<DeviceRow> devices, List<SignInRow> signIns,
                                  boolean otherSessionsEnded, boolean passkeyAdded, boolean deviceLost,
                                  boolean passwordRemoved, int recoveryRemaining, boolean emailConfirmed,
                                  CoverageCard.View coverage, String autoUpgrade,
                                  UiText currentPasswordError, List<UiText> newPasswordErrors,
                                  UiText passkeyProblem, String passkeyProblemId, boolean passkeyRenameRefused,
                                  UiText deviceProblem, UiText passwordProblem,
                                  Tip newPasskeyTip, Tip oneDeviceTip) implements PageView {

    @Override
    public String template() {
        return "account-security";
    }

    /**
     * One device; first and last seen, and a name the person gave it, tell apart devices of the same
     * label ("Edge on Windows" three times).
     *
     * @param label          what to call it: the person's name for it, else the automatic label
     * @param givenName      the person's name for it, empty when none
     * @param automaticLabel the automatic label ("Edge on Windows")
     */
    public record DeviceRow(String id, String label, String lastSeen, String lastSeenIso, boolean current,
                            String firstSeen, String firstSeenIso, String givenName, String automaticLabel) {
    }

    /** A recent sign-in as listed: "passkey on this device on Chrome on Linux". */
    public record SignInRow(String description, boolean succeeded, String at, String atIso) {
    }

    /**
     * "Password: set on 3 May 2026" or "No password", and how long a new one must be. (Not
     * {@code set...}: OGNL takes methods named so for setters and cannot read them.)
     */
    public record PasswordStatus(boolean present, String chosenOn, String chosenOnIso, int minimumLength) {
        static PasswordStatus of(Optional<Instant> setAt, int minimumLength) {
            return new PasswordStatus(setAt.isPresent(), setAt.map(When::day).orElse(""),
                    setAt.map(When::iso).orElse(""), minimumLength);
        }
    }

    /**
     * A refused change, shown next to its form (the page then answers 4xx); {@link #NONE} when
     * nothing was refused. {@code passkeyProblemId} is empty for a problem with no passkey of the list.
     */
    public record Refused(UiText currentPasswordError, List<UiText> newPasswordErrors, UiText passkeyProblem,
                          String passkeyProblemId, boolean passkeyRenameRefused, UiText deviceProblem,
                          UiText passwordProblem) {

        public static final Refused NONE = new Refused(null, null, null, null, false, null, null);

        static Refused currentPassword(UiText message) {
            return new Refused(message, null, null, null, false, null, null);
        }

        static Refused newPassword(List<UiText> problems) {
            return new Refused(null, problems, null, null, false, null, null);
        }

        /** About one passkey of the list, or ({@code passkey} null) about none in particular. */
        /**
         * Why a way in cannot go: it is the account's last (identity's {@link dev.latchkey.identity.api.LastWayIn}),
         * and what to do instead, in the page's language.
         *
         * @param what                {@code passkey}, {@code device} (a lost device's passkeys) or {@code password}
         * @param confirmAddressFirst the address must be confirmed before recovery codes can be made
         */
        static UiText lastWayIn(String what, boolean confirmAddressFirst) {
            return switch (what) {
                case "passkey" -> confirmAddressFirst ? UiText.of("lastWayIn.passkey.confirmFirst") : UiText.of("lastWayIn.passkey");
                case "device" -> confirmAddressFirst ? UiText.of("lastWayIn.device.confirmFirst") : UiText.of("lastWayIn.device");
                case "password" -> UiText.of("lastWayIn.password");
                default -> throw new IllegalArgumentException("not a way in: " + what);
            };
        }

        static Refused passkey(UUID passkey, UiText message) {
            return new Refused(null, null, message, passkey == null ? "" : passkey.toString(), false, null, null);
        }

        /** The new name of that passkey was refused. */
        static Refused passkeyName(UUID passkey, UiText message) {
            return new Refused(null, null, message, passkey.toString(), true, null, null);
        }

        static Refused device(UiText message) {
            return new Refused(null, null, null, null, false, message, null);
        }

        static Refused password(UiText message) {
            return new Refused(null, null, null, null, false, null, message);
        }
    }
}
