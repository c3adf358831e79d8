package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (bundled, nothing downloaded) on the page a browser shows, at 360 px and at 1280 px: no serious or
 * critical violation of WCAG 2.1 A/AA or axe's best practices, and no sideways scrolling.
 */
final class Accessibility {

    private static final List<String> STANDARDS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final List<String> BLOCKING = List.of("serious", "critical");

    private Accessibility() {
    }

    /** Checks the current page at phone and desktop width, and takes a screenshot of each. */
    static void checkAtPhoneAndDesktopWidth(ChromeDriver driver, String what, String screenshot) {
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            driver.manage().window().setSize(size);
            check(driver, what + " at " + size.getWidth() + " px");
            Chromium.screenshot(driver, screenshot + "-" + size.getWidth() + ".png");
        }
    }

    /** Checks the current page at phone and desktop width, without screenshots. */
    static void checkAtPhoneAndDesktopWidth(ChromeDriver driver, String what) {
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            driver.manage().window().setSize(size);
            check(driver, what + " at " + size.getWidth() + " px");
        }
    }

    /**
     * Checks the current page at the window's size. Moderate and minor findings are printed, not failed
     * on; serious and critical ones fail the test.
     */
    static void check(ChromeDriver driver, String what) {
        Results results = new AxeBuilder().withTags(STANDARDS).analyze(driver);
        assertThat(results.isErrored()).as("axe ran on %s: %s", what, results.getErrorMessage()).isFalse();
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
        assertThat(blocking).as("serious or critical violations on %s:%n%s", what, describe(blocking)).isEmpty();
        assertThat(results.getPasses()).as("axe checked something on %s", what).isNotEmpty();
        List<Rule> minor = results.getViolations().stream().filter(r -> !BLOCKING.contains(r.getImpact())).toList();
        if (!minor.isEmpty()) {
            System.err.printf("Accessibility: moderate or minor findings on %s, not failing:%n%s%n", what, describe(minor));
        }
        Long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("%s scrolls sideways", what).isLessThanOrEqualTo(0L);
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> "- " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + "\n    "
                        + r.getNodes().stream().map(n -> n.getTarget() + " " + n.getFailureSummary())
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }
}
