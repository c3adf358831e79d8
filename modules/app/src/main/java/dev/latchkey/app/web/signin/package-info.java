/**
 * Signing in and out: the sign-in page, the passkey ceremony endpoints, the password and email-code
 * fallbacks, the "shared computer" mark and sign-out. Recovery codes live with the account pages.
 */
package dev.latchkey.app.web.signin;
