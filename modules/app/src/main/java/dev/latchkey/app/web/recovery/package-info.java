/**
 * The person's side of an assisted recovery: {@code /recover/{token}} on their own phone, with no
 * session. The page and its two JSON endpoints parse, make one call on insights' {@code AssistedRecovery}
 * and map the answer; whether this browser is a shared device (a counter computer) is the request's
 * fact ({@code SharedDevices}), what follows from it is the module's rule.
 */
package dev.latchkey.app.web.recovery;
