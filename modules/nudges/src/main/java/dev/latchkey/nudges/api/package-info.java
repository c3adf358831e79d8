/**
 * The nudges module's public contract: per-device passkey coverage and the enrollment nudges that
 * complete it.
 *
 * <p>What it owns: the coverage model ({@link dev.latchkey.nudges.api.Coverage}: one
 * {@link dev.latchkey.nudges.api.Verdict} per active device, with its reason), nudge decisions
 * after sign-in and on the account page ({@link dev.latchkey.nudges.api.Nudges}) with their
 * reasons, snoozes and opt-outs, the rollout switch, copy variants, and the funnel events
 * ({@link dev.latchkey.nudges.api.NudgeEvent}), in tables prefixed {@code ndg_}. It reads
 * identity's devices and sign-ins and credentials' passkeys through their APIs only.
 *
 * <p>What it does NOT do: run WebAuthn ceremonies (credentials), keep sessions or decide step-up
 * (identity), or render pages (app). Cross-device enrollment (a passkey on the phone from the
 * laptop, link hand-off) and automatic passkey upgrades are not built yet.
 */
package dev.latchkey.nudges.api;
