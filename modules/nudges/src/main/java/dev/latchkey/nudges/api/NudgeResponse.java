package dev.latchkey.nudges.api;

/** What the user did with a prompt. Every prompt can be left with one click or key, and that is remembered. */
public enum NudgeResponse {
    /** The primary action ("Create a passkey on this device", "Show me how"). */
    ACCEPT(NudgeEvent.Type.ACCEPTED),
    /** "Not now" / "Remind me later" / Escape: no prompt on this device until the snooze ends. */
    NOT_NOW(NudgeEvent.Type.SNOOZED),
    /** "Don't ask again on this device": no prompt on this device any more. */
    DONT_ASK_HERE(NudgeEvent.Type.DISMISSED);

    private final NudgeEvent.Type event;

    NudgeResponse(NudgeEvent.Type event) {
        this.event = event;
    }

    public NudgeEvent.Type event() {
        return event;
    }
}
