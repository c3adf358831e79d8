/**
 * The nudges module's public contract: per-device passkey coverage and the enrollment nudges that
 * complete it.
 *
 * <p>What it owns: the coverage model ({@link dev.latchkey.nudges.api.Coverage}: one
 * {@link dev.latchkey.nudges.api.Verdict} per active device, with its reason), nudge decisions
 * after sign-in and on the account page ({@link dev.latchkey.nudges.api.Nudges}) with their
 * reasons, snoozes and opt-outs, the rollout switch, copy variants, and the funnel events
 * ({@link dev.latchkey.nudges.api.NudgeEvent}), the link handoff that adds a passkey on a second
 * device ({@link dev.latchkey.nudges.api.Handoffs}, with its audit log) and the automatic passkey
 * upgrade after a password sign-in ({@link dev.latchkey.nudges.api.PasskeyUpgrades}), in tables
 * prefixed {@code ndg_}. It reads identity's devices and sign-ins and credentials' passkeys
 * through their APIs only.
 *
 * <p>What it does NOT do: run WebAuthn ceremonies (credentials), keep sessions or decide step-up
 * (identity), or render pages (app).
 */
package dev.latchkey.nudges.api;
