package dev.latchkey.credentials.api;

/**
 * Bounds on pending WebAuthn ceremonies (issued options not yet finished), produced by the
 * deployment's settings ({@code latchkey.ceremonies.pending.max}).
 *
 * <p>No bound is per client address alone: a whole office or bank branch shares one address, and
 * one client flooding from it must not stop the others. A browser holds at most
 * {@link #PER_BROWSER} (its oldest is dropped for a new one), and all browsers together at most
 * {@link #pendingMax()}: beyond it the oldest ceremony of the address that holds the most is
 * dropped, so a flood evicts its own ceremonies first and a request for options is never refused.
 *
 * @param pendingMax pending ceremonies kept at most, all browsers together
 */
public record CeremonyLimits(int pendingMax) {

    /** Pending ceremonies per browser (ceremony-binding cookie): several tabs, a retry or two. */
    public static final int PER_BROWSER = 10;

    public static final CeremonyLimits DEFAULTS = new CeremonyLimits(10_000);

    public CeremonyLimits {
        if (pendingMax < PER_BROWSER) {
            throw new IllegalArgumentException("latchkey.ceremonies.pending.max must be at least " + PER_BROWSER);
        }
    }
}
