/**
 * The credentials module's public contract: passkey ceremonies and passkey records.
 *
 * <p>What it does: issues WebAuthn options backed by single-use, database-held challenges (any
 * instance can finish a ceremony another began), verifies responses with webauthn4j following the
 * WebAuthn Level 3 steps, stores passkeys, and creates the account of a sign-up together with its
 * first passkey in one transaction.
 *
 * <p>What it does NOT do: no sessions, no cookies, no HTTP (the app module turns a successful
 * ceremony into a session through identity), no email.
 *
 * <p>Every rejected ceremony surfaces as {@link dev.latchkey.credentials.api.CeremonyRejected}: the
 * web layer answers it with a 4xx and changes nothing else.
 */
package dev.latchkey.credentials.api;
