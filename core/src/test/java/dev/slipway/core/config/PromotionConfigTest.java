package dev.slipway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The promotion policy's settings: approvals, allow and deny windows, the ignore globs, the rules in force. */
class PromotionConfigTest {

    static final String POLICY = """
            environments:
              - name: staging
                from: branch main
              - name: production
                from: release-tag
                promotion:
                  from: staging
                  rules: [release-version, verified-in-source]
                  soak: 30m
                  approvals: 2
                  ignore: ["**/CHANGELOG.md", "docs/**"]
                  windows:
                    - kind: deny
                      schedule: "0 22 * * fri"
                      duration: 2d12h
                      reason: no weekend deploys
                    - kind: deny
                      start: 2024-12-20
                      end: 2025-01-01
                      time-zone: Europe/Berlin
                    - kind: allow
                      start: "2024-06-01T08:00"
                      end: "2024-06-01T18:00:00Z"
            """;

    static Promotion production(String yaml) {
        return SlipwayConfig.parse(yaml, "slipway.yaml").environment("production").orElseThrow().promotion().orElseThrow();
    }

    @Nested
    @DisplayName("reading the policy")
    class Reading {

        @Test
        @DisplayName("approvals, windows and ignore globs are read with their zones, dates and durations")
        void full() {
            Promotion p = production(POLICY);
            assertThat(p.approvals()).isEqualTo(OptionalInt.of(2));
            assertThat(p.ignore()).containsExactly("**/CHANGELOG.md", "docs/**");
            assertThat(p.windows()).hasSize(3);
            PromotionWindow weekend = p.windows().get(0);
            assertThat(weekend.kind()).isEqualTo(PromotionWindow.Kind.DENY);
            assertThat(weekend.schedule()).contains("0 22 * * fri");
            assertThat(weekend.duration()).contains(Duration.ofHours(60));
            assertThat(weekend.timeZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(weekend.reason()).contains("no weekend deploys");
            PromotionWindow holidays = p.windows().get(1);
            // dates are whole days in the window's zone: the end date is included
            assertThat(holidays.start()).contains(Instant.parse("2024-12-19T23:00:00Z"));
            assertThat(holidays.end()).contains(Instant.parse("2025-01-01T23:00:00Z"));
            PromotionWindow allow = p.windows().get(2);
            assertThat(allow.kind()).isEqualTo(PromotionWindow.Kind.ALLOW);
            assertThat(allow.start()).contains(Instant.parse("2024-06-01T08:00:00Z"));
            assertThat(allow.end()).contains(Instant.parse("2024-06-01T18:00:00Z"));
        }

        @Test
        @DisplayName("the rules in force add soak, freeze and approvals when their settings are given")
        void effectiveRules() {
            assertThat(production(POLICY).effectiveRules())
                    .containsExactly("release-version", "verified-in-source", "soak", "freeze", "approvals");
            Promotion listed = new Promotion("staging", List.of("approvals", "freeze"), Optional.empty());
            assertThat(listed.effectiveRules()).containsExactly("approvals", "freeze");
            assertThat(listed.requiredApprovals()).isEqualTo(1);
        }

        @Test
        @DisplayName("without ignore, changelogs and the versions file are release bookkeeping")
        void defaultIgnore() {
            assertThat(SlipwayConfig.defaults().environment("production").orElseThrow().promotion().orElseThrow().ignore())
                    .containsExactly("**/CHANGELOG.md", ".slipway/versions.json");
        }

        @Test
        @DisplayName("toYaml() writes the policy so that it reads back equal")
        void roundTrip() {
            SlipwayConfig c = SlipwayConfig.parse(POLICY, "slipway.yaml");
            assertThat(SlipwayConfig.parse(c.toYaml(), "again")).isEqualTo(c);
            assertThat(c.toYaml()).contains("time-zone: Europe/Berlin").contains("approvals: 2")
                    .contains("start: 2024-12-19T23:00:00Z");
        }
    }

    @Nested
    @DisplayName("errors name the line and the fix")
    class Errors {

        static String policy(String keys) {
            return "environments:\n  - {name: a, from: branch main}\n  - name: production\n    from: release-tag\n"
                    + "    promotion: {from: a, " + keys + "}\n";
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            zero approvals       | approvals: 0                                                        | slipway.yaml:5:37: environments[1].promotion.approvals must be a whole number from 1 to 100, not '0'
            soak rule, no soak   | rules: [soak]                                                       | slipway.yaml:5:33: the rule soak needs a duration: add soak: 30m (or how long the source must have run the code) to the promotion of production
            unknown kind         | windows: [{kind: freeze, schedule: '@daily', duration: 1h}]         | slipway.yaml:5:43: environments[1].promotion.windows[0].kind is 'freeze'; expected allow or deny
            bad schedule         | windows: [{kind: deny, schedule: '0 25 * * *', duration: 1h}]       | slipway.yaml:5:59: the cron schedule '0 25 * * *' has the value 25 outside 0-23 in its hour field; expected *, a number 0-23, a range a-b, a step x/n, or a list of these separated by commas
            no duration          | windows: [{kind: deny, schedule: '@daily'}]                         | slipway.yaml:5:36: environments[1].promotion.windows[0] lacks the required key 'duration'
            neither              | windows: [{kind: deny}]                                             | slipway.yaml:5:36: a window needs schedule and duration (a cron schedule such as '0 22 * * fri' and how long it stays open) or start and end (dates such as 2024-12-20) (environments[1].promotion.windows[0])
            both                 | windows: [{kind: deny, schedule: '@daily', duration: 1h, start: 2024-01-01, end: 2024-01-02}] | slipway.yaml:5:36: a window has either schedule and duration or start and end, not both (environments[1].promotion.windows[0])
            bad date             | windows: [{kind: deny, start: 2024-02-30, end: 2024-03-02}]         | slipway.yaml:5:56: environments[1].promotion.windows[0].start is '2024-02-30'; expected a date such as 2024-12-20 or a date-time such as 2024-12-20T18:00 or 2024-12-20T18:00:00Z
            end before start     | windows: [{kind: deny, start: 2024-03-02, end: 2024-03-01}]         | slipway.yaml:5:73: environments[1].promotion.windows[0].end must come after start (2024-03-02)
            bad zone             | windows: [{kind: deny, start: 2024-03-02, end: 2024-03-03, time-zone: Moon/Base}] | slipway.yaml:5:96: environments[1].promotion.windows[0].time-zone is 'Moon/Base'; expected a time zone such as UTC, Europe/Berlin or America/New_York
            """)
        void refused(String name, String keys, String message) {
            assertThatThrownBy(() -> production(policy(keys))).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage(message);
        }
    }

    @Nested
    @DisplayName("when a window is open")
    class Open {

        static PromotionWindow weekly(String schedule, Duration duration, String zone) {
            return new PromotionWindow(PromotionWindow.Kind.DENY, Optional.of(schedule), Optional.of(duration),
                    Optional.empty(), Optional.empty(), ZoneId.of(zone), Optional.empty());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            just before it opens      | 2024-03-08T21:59:59Z | false
            as it opens               | 2024-03-08T22:00:00Z | true
            on Sunday                 | 2024-03-10T12:00:00Z | true
            the last instant          | 2024-03-11T09:59:59Z | true
            as it closes              | 2024-03-11T10:00:00Z | false
            mid-week                  | 2024-03-13T12:00:00Z | false
            """)
        @DisplayName("a schedule opens the window for its duration: [firing, firing + duration)")
        void recurring(String name, String at, boolean open) {
            PromotionWindow w = weekly("0 22 * * fri", Duration.ofHours(60), "UTC");
            assertThat(w.isOpen(Instant.parse(at))).isEqualTo(open);
        }

        @Test
        @DisplayName("a schedule is read in the window's zone")
        void zone() {
            PromotionWindow w = weekly("0 9 * * *", Duration.ofHours(1), "America/New_York");
            assertThat(w.isOpen(Instant.parse("2024-07-01T13:30:00Z"))).isTrue();   // 09:30 EDT
            assertThat(w.isOpen(Instant.parse("2024-07-01T09:30:00Z"))).isFalse();
        }

        @Test
        @DisplayName("overlapping firings keep the window open until the last one's duration ends")
        void overlapping() {
            PromotionWindow w = weekly("0 * * * *", Duration.ofMinutes(90), "UTC");
            Instant at = Instant.parse("2024-03-08T10:15:00Z");
            assertThat(w.openedAt(at)).contains(Instant.parse("2024-03-08T10:00:00Z"));
            // every hour re-opens it for 90 minutes: it never closes
            assertThat(w.closesAfter(at)).isEmpty();
            PromotionWindow daily = weekly("0 22 * * *", Duration.ofHours(2), "UTC");
            assertThat(daily.closesAfter(Instant.parse("2024-03-08T23:00:00Z"))).contains(Instant.parse("2024-03-09T00:00:00Z"));
            assertThat(daily.nextOpening(Instant.parse("2024-03-09T00:00:00Z"))).contains(Instant.parse("2024-03-09T22:00:00Z"));
        }

        @Test
        @DisplayName("a date range is open from start (inclusive) to end (exclusive)")
        void range() {
            PromotionWindow w = new PromotionWindow(PromotionWindow.Kind.DENY, Optional.empty(), Optional.empty(),
                    Optional.of(Instant.parse("2024-12-20T00:00:00Z")), Optional.of(Instant.parse("2025-01-02T00:00:00Z")),
                    ZoneId.of("UTC"), Optional.of("holidays"));
            assertThat(w.isOpen(Instant.parse("2024-12-19T23:59:59Z"))).isFalse();
            assertThat(w.isOpen(Instant.parse("2024-12-20T00:00:00Z"))).isTrue();
            assertThat(w.isOpen(Instant.parse("2025-01-01T23:59:59Z"))).isTrue();
            assertThat(w.isOpen(Instant.parse("2025-01-02T00:00:00Z"))).isFalse();
            assertThat(w.describe()).isEqualTo("deny 2024-12-20T00:00:00Z to 2025-01-02T00:00:00Z (holidays)");
        }
    }
}
