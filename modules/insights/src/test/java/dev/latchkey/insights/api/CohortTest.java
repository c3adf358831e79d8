package dev.latchkey.insights.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CohortTest {

    @Test
    void blankFieldsAreEveryone() {
        Cohort.Parsed parsed = Cohort.parse("", null, " ");
        assertThat(parsed.cohort()).contains(Cohort.ALL);
        assertThat(parsed.cohort().orElseThrow().isAll()).isTrue();
    }

    @Test
    void fieldsParseToTheirDimensionsAndBack() {
        Cohort c = Cohort.parse(" @Branch.Example.COM ", "invitation", "shared").cohort().orElseThrow();
        assertThat(c.emailDomain()).contains("branch.example.com");
        assertThat(c.signUp()).contains(Cohort.SignUp.INVITATION);
        assertThat(c.sharedDevice()).contains(true);
        assertThat(c.domainField()).isEqualTo("branch.example.com");
        assertThat(c.signUpField()).isEqualTo("invitation");
        assertThat(c.deviceField()).isEqualTo("shared");
        assertThat(c.describe()).isEqualTo("accounts at branch.example.com, invited by an operator, on shared devices");
        assertThat(Cohort.parse("", "self", "personal").cohort().orElseThrow().describe())
                .isEqualTo("accounts signed up themselves, on personal devices");
    }

    @Test
    void badFieldsAreRefusedWithAMessage() {
        assertThat(Cohort.parse("<script>", "", "").problem())
                .contains(dev.latchkey.nudges.api.Words.of("op.insights.problem.domain", String.valueOf(Cohort.DOMAIN_MAX)));
        assertThat(Cohort.parse("a..b", "", "").cohort()).isEmpty();
        assertThat(Cohort.parse("x".repeat(101), "", "").cohort()).isEmpty();
        assertThat(Cohort.parse("", "everyone", "").problem()).contains(dev.latchkey.nudges.api.Words.of("op.insights.problem.signUp"));
        assertThat(Cohort.parse("", "", "tablet").problem()).contains(dev.latchkey.nudges.api.Words.of("op.insights.problem.device"));
    }

    @Test
    void theDomainOfAnAddressIsWhatFollowsItsLastAt() {
        assertThat(Cohort.domainOf("Ann@Example.COM")).isEqualTo("example.com");
        assertThat(Cohort.domainOf(null)).isEmpty();
        assertThat(Cohort.domainOf("no-at-sign")).isEmpty();
        assertThat(new Cohort(Optional.of("A.B"), Optional.empty(), Optional.empty()).emailDomain()).contains("a.b");
    }
}
