/**
 * What every page and JSON endpoint of the web layer shares: rendering ({@link dev.latchkey.app.web.Views},
 * {@link dev.latchkey.app.web.UiMessages}), where to go next ({@link dev.latchkey.app.web.Paths}), the client's
 * address and browser, shared-device detection, the WebAuthn JSON plumbing, starting a session after
 * any sign-in, and the error page. The feature packages below it hold the servlets.
 *
 * <p>What it does NOT do: no use case and no rule of a module; no feature's page.
 */
package dev.latchkey.app.web;
