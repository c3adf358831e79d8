/**
 * Enrollment nudges: the interstitial after a sign-in, the nudge check every sign-in passes, the
 * account page's coverage card, and the automatic passkey upgrade after a password sign-in.
 * The nudges module decides; these only show and record.
 */
package dev.latchkey.app.web.nudges;
