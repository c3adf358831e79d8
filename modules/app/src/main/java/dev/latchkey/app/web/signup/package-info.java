/**
 * Creating an account: the sign-up page (for browsers without script too) and the invitation cookie.
 * The passkey ceremony endpoints of sign-up are served from {@code /api/signup/*}.
 */
package dev.latchkey.app.web.signup;
