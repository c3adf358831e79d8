/**
 * The insights module's public contract (not built yet).
 *
 * <p>What it will own: multi-device coverage rates, fallback usage, nudge funnels and article
 * feedback for operators, computed from the other modules' append-only event logs through their
 * APIs, in tables prefixed {@code ins_}.
 *
 * <p>What it will NOT do: change any other module's state; it is the read side.
 */
package dev.latchkey.insights.api;
