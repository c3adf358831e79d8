package dev.latchkey.insights.api;

import dev.latchkey.nudges.api.Words;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which accounts' sign-ins and nudge steps a dashboard counts: those at one email domain, of one
 * sign-up mode, on shared (branch, kiosk) or personal devices; each empty for all. The daily
 * rollups carry these dimensions, so a filter never reads the raw event logs. Coverage figures come
 * from snapshots of all accounts and are not filtered.
 */
public record Cohort(Optional<String> emailDomain, Optional<SignUp> signUp, Optional<Boolean> sharedDevice) {

    /** Everyone. */
    public static final Cohort ALL = new Cohort(Optional.empty(), Optional.empty(), Optional.empty());

    /** Longest domain the rollups keep (RFC 1035 allows 253; longer ones are cut there too). */
    public static final int DOMAIN_MAX = 100;

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** How the account came to be: signed up by itself (open or listed-domains sign-up), or invited by an operator. */
    public enum SignUp {
        SELF("signed up themselves"), INVITATION("invited by an operator");

        private final String words;

        SignUp(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Cohort {
        emailDomain = emailDomain.map(Cohort::domainKey);
    }

    public boolean isAll() {
        return emailDomain.isEmpty() && signUp.isEmpty() && sharedDevice.isEmpty();
    }

    /** The domain of an address as the rollups store it: lower case, after the last {@code @}, at most {@link #DOMAIN_MAX}. */
    public static String domainOf(String address) {
        if (address == null || address.indexOf('@') < 0) {
            return "";
        }
        return domainKey(address.substring(address.lastIndexOf('@') + 1));
    }

    private static String domainKey(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.length() > DOMAIN_MAX ? d.substring(0, DOMAIN_MAX) : d;
    }

    /**
     * Parses the filter form's fields: a domain ({@code example.com}, an optional leading {@code @}),
     * a sign-up mode ({@code self}, {@code invitation}) and a device kind ({@code shared},
     * {@code personal}); blank fields mean "all".
     *
     * @return the cohort, or why the fields cannot be one (for a 4xx answer)
     */
    public static Parsed parse(String domain, String signUp, String device) {
        Optional<String> d = Optional.empty();
        if (domain != null && !domain.isBlank()) {
            String v = domain.strip().toLowerCase(Locale.ROOT);
            if (v.startsWith("@")) {
                v = v.substring(1);
            }
            if (v.length() > DOMAIN_MAX || !DOMAIN.matcher(v).matches()) {
                return refused(Words.of("op.insights.problem.domain", String.valueOf(DOMAIN_MAX)));
            }
            d = Optional.of(v);
        }
        Optional<SignUp> s = Optional.empty();
        if (signUp != null && !signUp.isBlank()) {
            switch (signUp.strip()) {
                case "self" -> s = Optional.of(SignUp.SELF);
                case "invitation" -> s = Optional.of(SignUp.INVITATION);
                default -> {
                    return refused(Words.of("op.insights.problem.signUp"));
                }
            }
        }
        Optional<Boolean> shared = Optional.empty();
        if (device != null && !device.isBlank()) {
            switch (device.strip()) {
                case "shared" -> shared = Optional.of(true);
                case "personal" -> shared = Optional.of(false);
                default -> {
                    return refused(Words.of("op.insights.problem.device"));
                }
            }
        }
        return new Parsed(Optional.of(new Cohort(d, s, shared)), Optional.empty());
    }

    private static Parsed refused(Words problem) {
        return new Parsed(Optional.empty(), Optional.of(problem));
    }

    /** The form's field values for this cohort: domain, sign-up mode, device kind ("" for all). */
    public String domainField() {
        return emailDomain.orElse("");
    }

    public String signUpField() {
        return signUp.map(m -> m.name().toLowerCase(Locale.ROOT)).orElse("");
    }

    public String deviceField() {
        return sharedDevice.map(b -> b ? "shared" : "personal").orElse("");
    }

    /**
     * In words ({@code op.insights.cohort.*}): "accounts at example.com, invited by an operator, on shared
     * devices"; "all accounts and devices" for {@link #ALL}. The domain is a plain argument.
     */
    public Words described() {
        java.util.List<Words> parts = new java.util.ArrayList<>();
        emailDomain.ifPresent(d -> parts.add(Words.of("op.insights.cohort.domain", d)));
        signUp.ifPresent(m -> parts.add(Words.of(emailDomain.isPresent() ? "op.insights.cohort." + m.name()
                : "op.insights.cohort.accounts." + m.name())));
        sharedDevice.ifPresent(b -> parts.add(Words.of((parts.isEmpty() ? "op.insights.cohort.accounts." : "op.insights.cohort.")
                + (b ? "shared" : "personal"))));
        if (parts.isEmpty()) {
            return Words.of("op.insights.cohort.all");
        }
        Words out = parts.get(0);
        for (Words next : parts.subList(1, parts.size())) {
            out = Words.of("op.insights.cohort.and", out, next);
        }
        return out;
    }

    /** The cohort, or what is wrong with the fields in words ({@code op.insights.problem.*}). */
    public record Parsed(Optional<Cohort> cohort, Optional<Words> problem) {
    }
}
