/** Insights: what operators see of coverage, fallback use and nudge conversion (read side). */
module dev.latchkey.insights {
    requires dev.latchkey.identity;
    requires dev.latchkey.credentials;
    requires dev.latchkey.nudges;
    requires dev.latchkey.education;

    // exports dev.latchkey.insights.api; -- added with the package's first type: javac refuses to
    // export a package that holds only its package-info (nothing is built here yet).
}
