package dev.latchkey.identity.api;

/**
 * The roles of this deployment's staff, each given by configuration to confirmed addresses
 * ({@link StaffPolicy}). What a role may do is {@link Permission}'s table, nowhere else.
 */
public enum StaffRole {
    /** Runs the service day to day: invitations, the mail queue, the insights dashboard, account lookup. */
    OPERATOR("operator", "LATCHKEY_OPERATORS"),
    /** Everything an operator may, plus what changes derived data or reads the audit of other staff. */
    ADMIN("admin", "LATCHKEY_ADMINS"),
    /**
     * A branch or help-desk agent: looks an account up to help the person in front of them, and
     * starts an assisted recovery after checking their ID in person.
     */
    AGENT("branch agent", "LATCHKEY_AGENTS");

    private final String words;
    private final String setting;

    StaffRole(String words, String setting) {
        this.words = words;
        this.setting = setting;
    }

    /** Plain words for pages: "branch agent". */
    public String words() {
        return words;
    }

    /** The environment variable that lists this role's addresses. */
    public String setting() {
        return setting;
    }
}
