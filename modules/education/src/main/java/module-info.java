/** Education: plain-language passkey help, in context and in several languages. */
module dev.latchkey.education {
    // exports dev.latchkey.education.api; -- added with the package's first type: javac refuses to
    // export a package that holds only its package-info (nothing is built here yet).
}
