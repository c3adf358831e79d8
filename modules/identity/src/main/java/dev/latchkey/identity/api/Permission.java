package dev.latchkey.identity.api;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What staff may do, and which roles grant it: the one table every operator page and every
 * staff use case consults ({@link Staff#may}). A permission not granted here is granted nowhere.
 */
public enum Permission {
    /** The operator home, {@code /operator}: links to what the roles allow. */
    CONSOLE("the operator console", EnumSet.allOf(StaffRole.class)),
    /** Inviting people and withdrawing invitations. */
    INVITATIONS("invitations", EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN)),
    /** The mail queue and sending dead letters again. */
    MAIL_QUEUE("the mail queue", EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN)),
    /** The insights dashboard and its CSV exports. */
    INSIGHTS("the insights dashboard", EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN)),
    /** Rebuilding the insights rollups from the raw event logs. */
    INSIGHTS_REBUILD("rebuilding the insights figures", EnumSet.of(StaffRole.ADMIN)),
    /** Finding an account and seeing its devices, passkeys, coverage and security events (audited). */
    ACCOUNT_LOOKUP("account lookup", EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN, StaffRole.AGENT)),
    /**
     * Starting an assisted recovery for a person at the counter, after checking their ID: a
     * single-use link to create a new passkey on their own phone; and approving another agent's.
     */
    ASSISTED_RECOVERY("assisted recovery", EnumSet.of(StaffRole.ADMIN, StaffRole.AGENT)),
    /** Granting and revoking the operator and agent roles beyond configuration (audited). */
    STAFF_ROLES("managing staff roles", EnumSet.of(StaffRole.ADMIN)),
    /** The applications registered to sign their users in through Latchkey (OpenID Connect clients; no secrets). */
    OIDC_CLIENTS("the registered applications", EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN)),
    /** Reading what staff did (the audit of operator actions). */
    STAFF_AUDIT("the audit of staff actions", EnumSet.of(StaffRole.ADMIN));

    private final String words;
    private final Set<StaffRole> grantedTo;

    Permission(String words, Set<StaffRole> grantedTo) {
        this.words = words;
        this.grantedTo = Set.copyOf(grantedTo);
    }

    /** Plain words for pages: "the insights dashboard". */
    public String words() {
        return words;
    }

    /** The roles that grant it. */
    public Set<StaffRole> grantedTo() {
        return grantedTo;
    }

    public boolean grantedToAny(Set<StaffRole> roles) {
        return roles.stream().anyMatch(grantedTo::contains);
    }

    /** "operator or admin", in the enum's order: for the page that refuses. */
    public String rolesInWords() {
        return EnumSet.copyOf(grantedTo).stream().map(StaffRole::words).collect(Collectors.joining(" or "));
    }
}
