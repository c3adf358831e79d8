package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.When;
import dev.latchkey.nudges.api.Coverage;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import dev.latchkey.nudges.api.NudgeDecision;
import dev.latchkey.nudges.api.PromptWords;
import dev.latchkey.nudges.api.Nudges;
import dev.latchkey.nudges.api.Verdict;
import dev.latchkey.nudges.api.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The coverage card of {@code /account/security} ("Your passkeys work on: ... Not yet on: ..."),
 * and the account page's nudge (scenarios c and d), as view data for the {@code coverage-card}
 * fragment. A failure here leaves the card out rather than the account page.
 */
@ApplicationScoped
public class CoverageCard {

    private static final Logger LOG = Logger.getLogger(CoverageCard.class.getName());

    @Inject
    Coverage coverage;

    @Inject
    Nudges nudges;

    /** One device (or one platform and browser, private windows included) as the card lists it. */
    public record Row(String label, String providers, String verdict, String explanation, String lastSeen,
                      long lastSeenDays, String lastSeenIso, String nextStep, boolean current) {
    }

    /** The account page's prompt: its decision id, what it asks, its copy variant, and its words ({@code PromptWords}). */
    public record Prompt(String decision, String prompt, String reason, String variant, String heading,
                         List<String> text, String primary) {
    }

    /** What the fragment shows. */
    public record View(List<Row> covered, List<Row> likely, List<Row> notYet, List<Row> shared, String backup,
                       Optional<Prompt> prompt, boolean offerAddOnPhone, boolean offerAddHere) {
        public boolean empty() {
            return covered.isEmpty() && likely.isEmpty() && notYet.isEmpty() && shared.isEmpty();
        }
    }

    /**
     * The card, or empty when it cannot be made (the page then leaves it out).
     *
     * @param say the nudges module's words in the reader's language ({@link PageWords})
     */
    public Optional<View> view(UUID accountId, Optional<UUID> thisDevice, Function<Words, String> say) {
        try {
            CoverageReport report = coverage.of(accountId);
            Optional<Prompt> prompt = thisDevice.map(d -> nudges.onAccountPage(accountId, d))
                    .filter(NudgeDecision::prompts)
                    .map(d -> {
                        PromptWords words = PromptWords.onAccountPage(d.prompt().orElseThrow(), d.reason(), d.variant());
                        return new Prompt(d.id().toString(), d.prompt().orElseThrow().name(), d.reason(), d.variant(),
                                say.apply(words.heading()), words.text().stream().map(say).toList(),
                                say.apply(words.primary().label()));
                    });
            CoverageReport shown = report.groupedForDisplay();
            Instant now = report.at();
            return Optional.of(new View(
                    rows(shown, now, thisDevice, Verdict.COVERED, say),
                    rows(shown, now, thisDevice, Verdict.LIKELY_COVERED, say),
                    shown.devices().stream().filter(d -> d.verdict() == Verdict.NOT_COVERED
                            || d.verdict() == Verdict.CANNOT_HOLD_ONE).map(d -> row(d, now, thisDevice, say)).toList(),
                    rows(shown, now, thisDevice, Verdict.SHARED, say),
                    report.backup().filter(b -> !"NO_PASSKEY".equals(b)).orElse(""),
                    prompt, PromptWords.offersAddOnPhone(thisDevice.flatMap(report::device)),
                    PromptWords.offersAddHere(thisDevice.flatMap(report::device))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "coverage card left out", e);
            return Optional.empty();
        }
    }

    private static List<Row> rows(CoverageReport report, Instant now, Optional<UUID> thisDevice, Verdict verdict,
                                  Function<Words, String> say) {
        return report.with(verdict).stream().map(d -> row(d, now, thisDevice, say)).toList();
    }

    private static Row row(DeviceCoverage d, Instant now, Optional<UUID> thisDevice, Function<Words, String> say) {
        boolean current = thisDevice.filter(d::includes).isPresent();
        String next = PromptWords.nextStep(d, current).map(say).orElse("");
        // The device's label in the reader's words ("Chrome unter Windows"), a name the person gave as it is.
        return new Row(say.apply(Words.of("words.literal", Words.device(d.label()))), String.join(", ", d.providers()), d.verdict().name(), say.apply(d.explanationWords()),
                ago(d.lastSeen(), now), Math.max(0, Duration.between(d.lastSeen(), now).toDays()), When.iso(d.lastSeen()),
                next, current);
    }

    /** The message key of "today", "yesterday", "2 days ago" ({@code lastSeenDays} is its argument). */
    static String ago(Instant then, Instant now) {
        long days = Duration.between(then, now).toDays();
        return days <= 0 ? "coverage.ago.today" : days == 1 ? "coverage.ago.yesterday" : "coverage.ago.days";
    }
}
