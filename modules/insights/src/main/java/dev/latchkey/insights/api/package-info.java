/**
 * The insights module's public contract: the dashboard's figures ({@link dev.latchkey.insights.api.Insights}),
 * their CSV form ({@link dev.latchkey.insights.api.Csv}), account lookup for staff with its audit
 * ({@link dev.latchkey.insights.api.AccountLookup}).
 *
 * <p>What it owns: daily rollups kept up to date by observing the other modules' events after they
 * committed (sign-ins, nudge steps), hourly coverage snapshots, and the log of staff actions, in
 * tables prefixed {@code ins_}. Every use case demands a {@link dev.latchkey.identity.api.StepUpProof}
 * and checks the staff {@link dev.latchkey.identity.api.Permission} it needs.
 *
 * <p>What it does NOT do: change any other module's state; it is the read side. The rollups are
 * derived data: {@link dev.latchkey.insights.api.Insights#rebuild} recomputes them from the raw logs.
 */
package dev.latchkey.insights.api;
