package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaEmailCodes implements EmailCodes {

    /**
     * Sign-in codes per email address and client network address per hour, whether or not an
     * account uses the address (no enumeration). Keyed by both, so a stranger on another network
     * spending it does not lock the owner out of code sign-in; and no code cap ever touches passkey
     * or recovery-code sign-in.
     */
    static final int MAX_PER_ADDRESS_PER_CLIENT_PER_HOUR = 5;
    /** Sign-in codes per email address per hour from all networks together: bounds a mail flood to one inbox. */
    static final int MAX_PER_ADDRESS_PER_HOUR = 20;
    /** Codes per client network address per hour: bounds one source spraying many addresses. */
    static final int MAX_PER_CLIENT_PER_HOUR = 30;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    AbuseLimits limits;

    @Inject
    AddressCodes addressCodes;

    @Inject
    FallbackSignIns.Offered offered;

    @Override
    public AttemptToken start(EmailAddress email, String clientAddress) {
        if (!offered.emailCode()) {
            throw new FallbackSignIns.NotOffered();
        }
        String client = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        // Count and store under the locks of the address and the client: parallel requests, on
        // this instance or another, take turns, and a cap of 5 stores exactly 5 codes.
        addressCodes.lock("email:" + email.value(), "client:" + client);
        AddressCodes.Window pair = addressCodes.window("email = ? and client_address = ? and purpose = 'SIGN_IN'",
                email.value(), client);
        if (pair.count() >= MAX_PER_ADDRESS_PER_CLIENT_PER_HOUR) {
            throw new TooManyRequests(TooManyRequests.Cap.ADDRESS_FROM_CLIENT, "Several codes were requested for this address in the last hour. Use the newest"
                    + " one, wait a while, or sign in with a passkey or a recovery code.", pair.retryAfter());
        }
        AddressCodes.Window address = addressCodes.window("email = ? and purpose = 'SIGN_IN'", email.value());
        if (address.count() >= MAX_PER_ADDRESS_PER_HOUR) {
            throw new TooManyRequests(TooManyRequests.Cap.ADDRESS, "Many codes were requested for this address in the last hour. Use the newest"
                    + " one, wait a while, or sign in with a passkey or a recovery code.", address.retryAfter());
        }
        AddressCodes.Window network = addressCodes.window("client_address = ? and purpose = 'SIGN_IN'", client);
        if (network.count() >= MAX_PER_CLIENT_PER_HOUR) {
            throw new TooManyRequests(TooManyRequests.Cap.NETWORK, "Too many codes were requested from your network. Try again later.",
                    network.retryAfter());
        }
        // A suspended address is treated like an unknown one here: an attempt is stored, no mail
        // goes out, and the code form explains the pause when a code is entered.
        boolean suspended = limits.check(AbuseLimits.Factor.EMAIL_CODE, email, client)
                .filter(AbuseLimits.Refusal::suspended).isPresent();
        Optional<Account> account = suspended ? Optional.empty() : accounts.findByEmail(email);
        byte[] tokenBytes = new byte[32];
        RANDOM.nextBytes(tokenBytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
        String code = String.format("%0" + CODE_DIGITS + "d", RANDOM.nextInt(1_000_000));
        em.createNativeQuery("insert into idn_email_code (id, attempt_hash, account_id, email, code_hash, tries,"
                        + " client_address, created_at, expires_at) values (?, ?, ?, ?, ?, 0, ?, current_timestamp,"
                        + " current_timestamp + interval '" + VALID_MINUTES * 60 + "' second)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, Sha256.of(token))
                .setParameter(3, account.map(Account::id).orElse(null))
                .setParameter(4, email.value())
                .setParameter(5, Sha256.of(token + code))
                .setParameter(6, client)
                .executeUpdate();
        // The same work and writes whether or not the address has an account (the mail is rendered
        // either way, in the account's language); only a real account's message is ever delivered
        // (after commit, off the request thread).
        MailTemplates.Letter letter = templates.render(MailTemplates.Kind.SIGN_IN_CODE,
                MailTemplates.language(account.map(a -> em.find(AccountEntity.class, a.id()))
                        .map(a -> a.preferredLanguage).orElse(null)),
                Map.of("name", account.map(Account::displayName).orElse(""), "code", code, "minutes", VALID_MINUTES));
        outbox.queue(account.map(a -> a.email().value()).orElse(null), letter.subject(),
                account.isPresent() ? letter.body() : "(suppressed: no account uses this address)", code);
        return new AttemptToken(token);
    }

    /**
     * The outcome of a try. {@code accountId} is present only for {@link Outcome#ACCEPTED},
     * {@code refusal} only for {@link Outcome#REFUSED}.
     */
    record Verification(Outcome outcome, Optional<UUID> accountId, int triesLeft,
                        Optional<AbuseLimits.Refusal> refusal) {
    }

    enum Outcome {
        ACCEPTED,
        /** Wrong code, or an address with no account (indistinguishable on purpose). */
        WRONG,
        /** Expired, used up, already used, or no such attempt: ask for a new code. */
        NEEDS_NEW_CODE,
        /** Too many failures for the address or the client: wait, or sign in another way. */
        REFUSED
    }

    /**
     * Checks a code against the browser's attempt, for {@link JpaFallbackSignIns#withEmailCode} only.
     * Every call counts as a try, except one refused by the abuse limits ({@link AbuseLimits}),
     * which compares nothing.
     */
    Verification verify(AttemptToken attempt, String code, String clientAddress) {
        if (attempt == null || attempt.value() == null || attempt.value().length() != 43) {
            return new Verification(Outcome.NEEDS_NEW_CODE, Optional.empty(), 0, Optional.empty());
        }
        Optional<EmailCodeRow> found = em.createQuery(EmailCodeRow.SELECT + " where c.attemptHash = :h", EmailCodeRow.class)
                .setParameter("h", Sha256.of(attempt.value()))
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return new Verification(Outcome.NEEDS_NEW_CODE, Optional.empty(), 0, Optional.empty());
        }
        EmailCodeRow row = found.get();
        UUID id = row.id();
        int tries = row.tries();
        EmailAddress email = new EmailAddress(row.email());
        // Rate limits first: a refused attempt compares nothing and costs no try.
        Optional<AbuseLimits.Refusal> refusal = limits.check(AbuseLimits.Factor.EMAIL_CODE, email, clientAddress);
        if (refusal.isPresent()) {
            return new Verification(Outcome.REFUSED, Optional.empty(), MAX_TRIES - tries, refusal);
        }
        if (!row.usable() || tries >= MAX_TRIES) {
            return new Verification(Outcome.NEEDS_NEW_CODE, Optional.empty(), 0, Optional.empty());
        }
        // Every try counts, right or wrong, and two concurrent tries cannot share one count.
        int counted = em.createNativeQuery("update idn_email_code set tries = tries + 1 where id = ? and tries = ?")
                .setParameter(1, id).setParameter(2, tries).executeUpdate();
        if (counted != 1) {
            return new Verification(Outcome.NEEDS_NEW_CODE, Optional.empty(), 0, Optional.empty());
        }
        int left = MAX_TRIES - tries - 1;
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
        boolean matches = MessageDigest.isEqual(Sha256.of(attempt.value() + typed), row.codeHash())
                && typed.matches("\\d{" + CODE_DIGITS + "}");
        if (!matches || row.accountId() == null) {
            limits.failed(AbuseLimits.Factor.EMAIL_CODE, email, clientAddress);
            return new Verification(left > 0 ? Outcome.WRONG : Outcome.NEEDS_NEW_CODE, Optional.empty(), left,
                    Optional.empty());
        }
        int consumed = em.createNativeQuery("update idn_email_code set consumed_at = current_timestamp"
                        + " where id = ? and consumed_at is null")
                .setParameter(1, id).executeUpdate();
        if (consumed != 1) {
            return new Verification(Outcome.NEEDS_NEW_CODE, Optional.empty(), 0, Optional.empty());
        }
        limits.succeeded(AbuseLimits.Factor.EMAIL_CODE, email);
        return new Verification(Outcome.ACCEPTED, Optional.of(row.accountId()), left, Optional.empty());
    }

    @Override
    public Optional<EmailAddress> addressOf(AttemptToken attempt) {
        if (attempt == null || attempt.value() == null || attempt.value().length() != 43) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select email from idn_email_code where attempt_hash = ?")
                .setParameter(1, Sha256.of(attempt.value())).getResultList();
        return rows.stream().findFirst().map(o -> new EmailAddress((String) o));
    }

}
