package dev.latchkey.insights.internal;

import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.insights.api.Cell;
import dev.latchkey.nudges.api.Scenario;
import dev.latchkey.nudges.api.Words;
import java.util.Arrays;

/**
 * The dashboard's cells that are words of ours: each keeps its stable code for the CSV (an enum's name, a
 * rollup's step) and names the words a page says ({@code op.method.*}, {@code op.insights.cell.*}). A code
 * that is not ours to name (a reason another module recorded that the console has no words for, a device
 * group) stays data.
 */
final class TableWords {

    /** The device group of nudges whose device was forgotten since ({@link DeviceGroups#UNKNOWN}). */
    static final String UNKNOWN_DEVICE_GROUP = DeviceGroups.UNKNOWN;
    /** The provider group of passkeys whose AAGUID names no known provider (the coverage snapshot's key). */
    static final String UNKNOWN_PROVIDER = "Unknown provider";
    /** The failure reasons the console has words for ({@code op.insights.cell.reason.<code>}). */
    static final java.util.Set<String> REASONS = java.util.Set.of("THROTTLED", "WRONG_CODE", "CODE_UNUSABLE",
            "WRONG_RECOVERY_CODE", "UNKNOWN_ACCOUNT", "NO_PASSWORD", "WRONG_PASSWORD", "WRONG_CURRENT_PASSWORD",
            "MALFORMED", "UNKNOWN_CHALLENGE", "WRONG_CEREMONY", "VERIFICATION_FAILED", "UNKNOWN_CREDENTIAL",
            "ALREADY_REGISTERED", "TOO_MANY_CEREMONIES", "TOO_MANY_PASSKEYS", "ATTESTATION_NOT_TRUSTED",
            "USER_VERIFICATION_REQUIRED", "ATTACHMENT_NOT_ALLOWED", "SYNCED_NOT_ALLOWED", "AUTHENTICATOR_NOT_ALLOWED",
            "AUTHENTICATOR_DENIED", "POLICY_UNAVAILABLE");
    /** The link handoff's steps the console has words for ({@code op.insights.cell.handoff.<step>}). */
    static final java.util.Set<String> HANDOFF_STEPS = java.util.Set.of("ISSUED", "CLAIMED", "PASSKEY_PENDING",
            "PAIRED", "EXPIRED", "FAILED", "REFUSED", "CODE_WRONG", "CEREMONY_REFUSED", "CONFIRM_REFUSED",
            "REFUSED_CLIENT_LIMIT", "REFUSED_EXPIRED", "REFUSED_IN_USE", "REFUSED_NOT_CLAIMANT", "REFUSED_NOT_CLAIMED",
            "REFUSED_NO_TRIES_LEFT", "REFUSED_TOO_MANY_LINKS", "REFUSED_UNKNOWN", "REFUSED_USED");

    private TableWords() {
    }

    static Cell method(String code) {
        return Arrays.stream(SignInMethod.values()).anyMatch(m -> m.name().equals(code))
                ? Cell.said(code, Words.of("op.method." + code)) : Cell.of(code);
    }

    /** A failure's reason; none recorded is {@code ""} in the CSV. */
    static Cell reason(String code) {
        if (code == null || code.isEmpty()) {
            return Cell.said("", Words.of("op.insights.cell.reason.none"));
        }
        return REASONS.contains(code) ? Cell.said(code, Words.of("op.insights.cell.reason." + code)) : Cell.of(code);
    }

    static Cell scenario(String code) {
        return Arrays.stream(Scenario.values()).anyMatch(s -> s.name().equals(code))
                ? Cell.said(code, Words.of("op.insights.cell.scenario." + code)) : Cell.of(code);
    }

    /** A platform as identity names it ("iPhone", "Windows": proper names), or none known. */
    static Cell deviceGroup(String group) {
        return UNKNOWN_DEVICE_GROUP.equals(group) ? Cell.said(group, Words.of("op.insights.cell.unknownDevice"))
                : Cell.of(group);
    }

    /** A provider's name (a proper name), or none known. */
    static Cell provider(String name) {
        return UNKNOWN_PROVIDER.equals(name) ? Cell.said(name, Words.of("op.insights.cell.unknownProvider"))
                : Cell.of(name);
    }

    static Cell handoffStep(String step) {
        return HANDOFF_STEPS.contains(step) ? Cell.said(step, Words.of("op.insights.cell.handoff." + step))
                : Cell.of(step);
    }

    /** A copy variant's row ({@code A} in the CSV, "variant A" on a page). */
    static Cell variant(String variant) {
        return Cell.said(variant, Words.of("op.insights.cell.variant", variant));
    }

    /** The row of all variants, or of all months ({@code ALL} in the CSV). */
    static Cell allVariants() {
        return Cell.said("ALL", Words.of("op.insights.cell.allVariants"));
    }

    static Cell allInRange() {
        return Cell.said("ALL", Words.of("op.insights.cell.allInRange"));
    }

    /** No figure (nothing to divide by). */
    static Cell notAvailable() {
        return Cell.said("n/a", Words.of("op.insights.cell.notAvailable"));
    }

    /** A confidence interval ({@code 1.7 to 28.3} in the CSV). */
    static Cell interval(String low, String high) {
        return Cell.said(low + " to " + high, Words.of("op.insights.cell.interval", low, high));
    }
}
