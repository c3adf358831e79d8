package dev.latchkey.nudges.api;

import java.util.List;

/**
 * What "Confirm it's you" can offer on one device of an account (issue 14, item 5: no dead ends).
 *
 * @param passkeyCanAnswer whether a passkey of the account may confirm on this device: false when every one of
 *                         them is single-device on another computer ({@code PASSKEYS_ONLY_ON_COMPUTERS}); a
 *                         computer does not answer a QR code (CTAP 2.2 hybrid is phone/tablet to computer), so
 *                         the ceremony would end in a prompt nothing here can complete
 * @param passkeysOn       when it cannot: the names of the computers holding them ("Work laptop"), for "make a
 *                         link there" (the link handoff)
 * @param recoveryCode     whether the account has an unused recovery code, which confirms too (identity's StepUp)
 */
public record StepUpHere(boolean passkeyCanAnswer, List<String> passkeysOn, boolean recoveryCode) {

    public StepUpHere {
        passkeysOn = List.copyOf(passkeysOn);
    }

    /** Nothing known against the usual passkey step-up. */
    public static StepUpHere usual(boolean recoveryCode) {
        return new StepUpHere(true, List.of(), recoveryCode);
    }
}
