package dev.latchkey.app.web;

import dev.latchkey.nudges.api.Handoffs;

/** The HTTP status of each refused handoff step: always a 4xx with the module's sentence. */
final class HandoffRefusals {

    private HandoffRefusals() {
    }

    static int status(Handoffs.Refused.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> 404;
            case EXPIRED, USED -> 410;
            case IN_USE, NOT_READY -> 409;
            case WRONG_CODE -> 422;
            case TOO_MANY_TRIES, TOO_MANY_LINKS -> 429;
        };
    }
}
