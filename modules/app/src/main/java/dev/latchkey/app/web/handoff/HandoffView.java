package dev.latchkey.app.web.handoff;

import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code handoff}, device 1's page of the link handoff, in one of three stages:
 * {@code start} (what the link is for, a button to make one), {@code pair} (the link, its QR code
 * and the pairing-code form) and {@code over} (the link's final state). {@code null} means absent:
 * no error, and the link and its QR code only in the answer that made the link.
 *
 * @param error     the nudges module's sentence for a refusal, or {@code null}
 * @param errorKey  a message key of {@code account.properties} for an error of this page's own, or {@code null}
 * @param handoff   the handoff's id (the form's {@code h})
 * @param state     the {@code Handoffs.State} name
 * @param shortLink the link without scheme, its token grouped for reading
 * @param qrPath    the QR code as SVG path data ({@link QrSvg})
 */
public record HandoffView(String stage, String error, String errorKey, String handoff, String state, int triesLeft, String expiresIso,
                          String expiresAt, String link, String shortLink, String qrPath, String qrViewBox)
        implements PageView {

    @Override
    public String template() {
        return "handoff";
    }

    /** The first stage, with an error of this page's own, by its message key. */
    static HandoffView startWithKey(String errorKey) {
        return new HandoffView("start", null, errorKey, null, null, 0, null, null, null, null, null, null);
    }

    /** The first stage, with an error or ({@code null}) none. */
    static HandoffView start(String error) {
        return new HandoffView("start", error, null, null, null, 0, null, null, null, null, null, null);
    }
}
