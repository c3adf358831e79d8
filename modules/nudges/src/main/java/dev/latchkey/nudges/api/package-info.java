/**
 * The nudges module's public contract (not built yet; see the "Multi-device coverage, enrollment
 * nudges and healing flows" issue).
 *
 * <p>What it will own: the per-device coverage model (covered, likely covered, not covered, cannot
 * hold one, shared), nudge decisions after sign-in and on the account page with their reasons,
 * snoozes and opt-outs, rollout switches, and cross-device enrollment hand-offs, in tables
 * prefixed {@code ndg_}. It reads identity's devices and credentials' passkeys through their
 * APIs only and asks education for tip texts.
 *
 * <p>What it will NOT do: run WebAuthn ceremonies (credentials) or keep sessions (identity).
 */
package dev.latchkey.nudges.api;
