package dev.latchkey.insights.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.nudges.api.Words;
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
        assertThat(c.described()).isEqualTo(Words.of("op.insights.cohort.and",
                Words.of("op.insights.cohort.and", Words.of("op.insights.cohort.domain", "branch.example.com"),
                        Words.of("op.insights.cohort.INVITATION")), Words.of("op.insights.cohort.shared")));
        assertThat(Cohort.parse("", "self", "personal").cohort().orElseThrow().described())
                .isEqualTo(Words.of("op.insights.cohort.and", Words.of("op.insights.cohort.accounts.SELF"),
                        Words.of("op.insights.cohort.personal")));
        assertThat(Cohort.ALL.described()).isEqualTo(Words.of("op.insights.cohort.all"));
        assertThat(Cohort.parse("", "", "shared").cohort().orElseThrow().described())
                .isEqualTo(Words.of("op.insights.cohort.accounts.shared"));
    }

    @Test
    void badFieldsAreRefusedWithAMessage() {
        assertThat(Cohort.parse("<script>", "", "").problem())
                .contains(Words.of("op.insights.problem.domain", String.valueOf(Cohort.DOMAIN_MAX)));
        assertThat(Cohort.parse("a..b", "", "").cohort()).isEmpty();
        assertThat(Cohort.parse("x".repeat(101), "", "").cohort()).isEmpty();
        assertThat(Cohort.parse("", "everyone", "").problem()).contains(Words.of("op.insights.problem.signUp"));
        assertThat(Cohort.parse("", "", "tablet").problem()).contains(Words.of("op.insights.problem.device"));
    }

    @Test
    void theDomainOfAnAddressIsWhatFollowsItsLastAt() {
        assertThat(Cohort.domainOf("Ann@Example.COM")).isEqualTo("example.com");
        assertThat(Cohort.domainOf(null)).isEmpty();
        assertThat(Cohort.domainOf("no-at-sign")).isEmpty();
        assertThat(new Cohort(Optional.of("A.B"), Optional.empty(), Optional.empty()).emailDomain()).contains("a.b");
    }
}
