/** Nudges: which of a user's devices a passkey covers, and when to prompt for the missing ones. */
module dev.latchkey.nudges {
    requires dev.latchkey.identity;
    requires dev.latchkey.credentials;
    requires dev.latchkey.education;

    // exports dev.latchkey.nudges.api; -- added with the package's first type: javac refuses to
    // export a package that holds only its package-info (nothing is built here yet).
}
