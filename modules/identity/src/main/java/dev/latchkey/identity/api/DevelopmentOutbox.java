package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.List;

/**
 * Mail that was queued, for the development outbox page (shown only with the development flag on
 * and to loopback requests; the web layer enforces that).
 */
public interface DevelopmentOutbox {

    List<Message> newest(int limit);

    record Message(String recipient, String subject, String body, Instant queuedAt) {
    }
}
