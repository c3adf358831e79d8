package dev.latchkey.education.internal;

/** A content file (article, contents list, tip bundle) that cannot be served; says which and why. */
final class ContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ContentException(String file, String problem) {
        super(file + ": " + problem);
    }

    ContentException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
