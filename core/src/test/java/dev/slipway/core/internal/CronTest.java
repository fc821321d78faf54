package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The five-field cron parser behind promotion windows. */
class CronTest {

    static LocalDateTime t(String text) {
        return LocalDateTime.parse(text);
    }

    @Nested
    @DisplayName("matching a minute")
    class Matching {

        @ParameterizedTest(name = "''{0}'' at {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "* * * * *          | 2024-03-05T13:47 | true",
            "0 22 * * fri       | 2024-03-08T22:00 | true",   // a Friday
            "0 22 * * fri       | 2024-03-08T22:01 | false",
            "0 22 * * fri       | 2024-03-07T22:00 | false",  // a Thursday
            "0 22 * * FRI       | 2024-03-08T22:00 | true",   // names ignore case
            "0 22 * * 5         | 2024-03-08T22:00 | true",
            "0 0 * * 7          | 2024-03-10T00:00 | true",   // 7 is Sunday
            "0 0 * * 0          | 2024-03-10T00:00 | true",
            "0 0 * * sun        | 2024-03-10T00:00 | true",
            "*/15 * * * *       | 2024-03-05T13:45 | true",
            "*/15 * * * *       | 2024-03-05T13:50 | false",
            "10-40/10 * * * *   | 2024-03-05T13:30 | true",
            "10-40/10 * * * *   | 2024-03-05T13:45 | false",
            "10-40/10 * * * *   | 2024-03-05T13:50 | false",
            "5/20 * * * *       | 2024-03-05T13:45 | true",   // 5, 25, 45
            "5/20 * * * *       | 2024-03-05T13:35 | false",
            "0 9-17 * * mon-fri | 2024-03-05T17:00 | true",
            "0 9-17 * * mon-fri | 2024-03-09T12:00 | false",  // a Saturday
            "0 0 1,15 * *       | 2024-03-15T00:00 | true",
            "0 0 1,15 * *       | 2024-03-14T00:00 | false",
            "0 0 * dec *        | 2024-12-31T00:00 | true",
            "0 0 * jan-mar *    | 2024-04-01T00:00 | false",
            "0 0 ? * *          | 2024-04-01T00:00 | true",
            // both day fields restricted: either matches
            "0 0 13 * fri       | 2024-09-13T00:00 | true",   // the 13th, a Friday
            "0 0 13 * fri       | 2024-03-13T00:00 | true",   // the 13th, a Wednesday
            "0 0 13 * fri       | 2024-03-08T00:00 | true",   // a Friday, the 8th
            "0 0 13 * fri       | 2024-03-07T00:00 | false",
            // one day field is *: both must match
            "0 0 * * fri        | 2024-03-13T00:00 | false",
            "0 0 13 * *         | 2024-03-08T00:00 | false",
            // a step over * restricts (robfig/cron): either day field may match
            "0 0 */2 * mon      | 2024-03-04T00:00 | true",   // Monday the 4th: an even day, but the weekday matches
            "0 0 */2 * mon      | 2024-03-11T00:00 | true",   // Monday the 11th: odd day, dow matches
            "0 0 */2 * mon      | 2024-03-12T00:00 | false",  // Tuesday the 12th: */2 = 1,3,5...: 12 is not in it
            "0 0 */2 * mon      | 2024-03-13T00:00 | true",   // Wednesday the 13th: in 1,3,5,...
        })
        void matches(String expression, String at, boolean expected) {
            assertThat(Cron.parse(expression.trim()).matches(t(at.trim()))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource({
            "@yearly, 0 0 1 1 *", "@annually, 0 0 1 1 *", "@monthly, 0 0 1 * *", "@weekly, 0 0 * * 0",
            "@daily, 0 0 * * *", "@midnight, 0 0 * * *", "@hourly, 0 * * * *", "@DAILY, 0 0 * * *",
        })
        @DisplayName("macros mean their five-field schedules")
        void macros(String macro, String fields) {
            Cron m = Cron.parse(macro);
            Cron f = Cron.parse(fields);
            LocalDateTime at = t("2024-01-01T00:00");
            for (int i = 0; i < 60 * 24 * 40; i += 7) {
                assertThat(m.matches(at.plusMinutes(i))).isEqualTo(f.matches(at.plusMinutes(i)));
            }
        }
    }

    @Nested
    @DisplayName("the next firing")
    class Next {

        @ParameterizedTest(name = "''{0}'' after {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "0 22 * * fri      | 2024-03-05T13:47    | 2024-03-08T22:00",
            "0 22 * * fri      | 2024-03-08T22:00    | 2024-03-08T22:00",   // at a firing: that firing
            "0 22 * * fri      | 2024-03-08T22:00:01 | 2024-03-15T22:00",   // seconds round up
            "*/15 * * * *      | 2024-03-05T13:46    | 2024-03-05T14:00",
            "0 0 29 feb *      | 2024-03-01T00:00    | 2028-02-29T00:00",   // leap day four years on
            "0 0 31 * *        | 2024-04-01T00:00    | 2024-05-31T00:00",   // April has no 31st
            "59 23 31 12 *     | 2024-01-01T00:00    | 2024-12-31T23:59",
        })
        void nextLocal(String expression, String from, String expected) {
            assertThat(Cron.parse(expression.trim()).nextLocal(t(from.trim()))).contains(t(expected.trim()));
        }

        @Test
        @DisplayName("a zone's daylight-saving gap moves a firing inside it to the gap's end")
        void springForward() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            // 2024-03-31 02:00 local does not exist in Berlin: clocks jump from 02:00 to 03:00 (01:00Z)
            Optional<Instant> next = Cron.parse("30 2 * * *").next(Instant.parse("2024-03-31T00:00:00Z"), berlin);
            assertThat(next).contains(Instant.parse("2024-03-31T01:30:00Z"));
        }

        @Test
        @DisplayName("in an overlap the firing comes at the earlier of the two instants, then not again")
        void fallBack() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            // 2024-10-27 02:30 local happens twice: 00:30Z and 01:30Z
            Cron cron = Cron.parse("30 2 * * *");
            assertThat(cron.next(Instant.parse("2024-10-27T00:00:00Z"), berlin)).contains(Instant.parse("2024-10-27T00:30:00Z"));
            assertThat(cron.next(Instant.parse("2024-10-27T00:31:00Z"), berlin)).contains(Instant.parse("2024-10-27T01:30:00Z"));
        }

        @ParameterizedTest(name = "''{0}'' at or before {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "0 22 * * fri      | 2024-03-13T13:47    | 2024-03-08T22:00",
            "0 22 * * fri      | 2024-03-08T22:00    | 2024-03-08T22:00",
            "0 22 * * fri      | 2024-03-08T21:59:59 | 2024-03-01T22:00",
            "*/15 * * * *      | 2024-03-05T13:46    | 2024-03-05T13:45",
            "0 0 29 feb *      | 2027-03-01T00:00    | 2024-02-29T00:00",
        })
        void previousLocal(String expression, String at, String expected) {
            assertThat(Cron.parse(expression.trim()).previousLocal(t(at.trim()))).contains(t(expected.trim()));
        }

        @Test
        @DisplayName("previous and next agree: the firing before the next one's minute is the previous one")
        void previousAndNextAgree() {
            Cron cron = Cron.parse("7,37 */3 * * mon-fri");
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            Instant t = Instant.parse("2024-03-28T00:00:00Z");
            for (int i = 0; i < 200; i++) {
                Instant next = cron.next(t, berlin).orElseThrow();
                assertThat(cron.previous(next, berlin)).contains(next);
                assertThat(cron.previous(next.minusSeconds(60), berlin).orElseThrow()).isBefore(next);
                t = next.plusSeconds(60);
            }
        }

        @Test
        @DisplayName("lastWithin finds the latest firing in the window, and none before it")
        void lastWithin() {
            Cron hourly = Cron.parse("0 * * * *");
            ZoneId utc = ZoneId.of("UTC");
            Instant at = Instant.parse("2024-03-05T13:47:00Z");
            assertThat(hourly.lastWithin(at, utc, Duration.ofHours(3))).contains(Instant.parse("2024-03-05T13:00:00Z"));
            assertThat(hourly.lastWithin(at, utc, Duration.ofMinutes(46))).isEmpty();
            assertThat(hourly.lastWithin(at, utc, Duration.ofMinutes(47))).contains(Instant.parse("2024-03-05T13:00:00Z"));
        }
    }

    @Nested
    @DisplayName("invalid schedules")
    class Invalid {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("0 22 * *", "has 4 fields; expected 5"),
                    Arguments.of("0 22 * * * *", "has 6 fields"),
                    Arguments.of("60 * * * *", "the value 60 outside 0-59 in its minute field"),
                    Arguments.of("* 24 * * *", "the value 24 outside 0-23 in its hour field"),
                    Arguments.of("* * 0 * *", "the value 0 outside 1-31 in its day of month field"),
                    Arguments.of("* * * 13 *", "the value 13 outside 1-12 in its month field"),
                    Arguments.of("* * * * 8", "the value 8 outside 0-7 in its day of week field"),
                    Arguments.of("* * * * friday", "a value that is not a number or a name (sun, ...): 'friday'"),
                    Arguments.of("*/0 * * * *", "a step of 0"),
                    Arguments.of("5-1 * * * *", "a range that runs backwards (5-1)"),
                    Arguments.of("1,,2 * * * *", "an empty list item"),
                    Arguments.of("* * * * mon-", "a value that is not a number"),
                    Arguments.of("@reboot", "unknown cron macro '@reboot'"),
                    Arguments.of("0 0 30 feb *", "never fires"),
                    Arguments.of("0 0 31 apr,jun *", "never fires"));
        }

        @ParameterizedTest(name = "''{0}''")
        @MethodSource("cases")
        void refused(String expression, String message) {
            assertThatThrownBy(() -> Cron.parse(expression)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(message)
                    .satisfies(e -> assertThat(((InvalidInputException) e).input()).isEqualTo(expression));
        }
    }
}
