/**
 * The identity module's public contract: accounts and sessions.
 *
 * <p>What it does: creates accounts with a random WebAuthn user handle and a normalised, unique
 * email address; starts, restores and ends sessions kept as database rows behind an opaque token.
 *
 * <p>What it does NOT do: no WebAuthn (the credentials module owns passkeys and ceremonies), no
 * HTTP or cookies (the app module turns tokens into cookies), no HttpSession.
 *
 * <p>Every method that writes joins the caller's JTA transaction when there is one, so a use case
 * that spans modules (sign-up writes an account here and a passkey in credentials) commits or
 * rolls back as one.
 */
package dev.latchkey.identity.api;
