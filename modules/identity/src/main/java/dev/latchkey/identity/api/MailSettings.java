package dev.latchkey.identity.api;

/**
 * Where outgoing mail goes. With a blank host nothing is sent: messages stay in the outbox, which
 * a development page can show.
 */
public record MailSettings(String host, int port, String user, String password, boolean startTls, String from) {

    public boolean smtpConfigured() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", user=" + user + ", from=" + from + "]";
    }
}
