package dev.slipway.core.internal;

import dev.slipway.api.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) as Argo CD's sync windows
 * read it (robfig/cron's standard parser): lists ({@code 1,15}), ranges ({@code 1-5}), steps ({@code *}{@code /15},
 * {@code 10-40/10}, {@code 5/20} = from 5 to the maximum), month and weekday names ({@code jan}, {@code mon-fri}),
 * {@code 7} as Sunday, {@code ?} as {@code *}, and the macros {@code @yearly}, {@code @annually},
 * {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight} and {@code @hourly}.
 *
 * <p>When both day fields are restricted, a day matches when either does (cron's classic rule); when one of
 * them is {@code *} or {@code ?}, both must match. A step over {@code *} ({@code *}{@code /2}) counts as a
 * restriction, as robfig/cron counts it.
 */
public final class Cron {

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    /** How far {@link #next} looks: long enough for any schedule that fires at all (Feb 29 within 8 years). */
    private static final int SEARCH_DAYS = 8 * 366 + 1;

    private final String expression;
    private final long minutes;
    private final long hours;
    private final long daysOfMonth;
    private final long months;
    private final long daysOfWeek;
    private final boolean domStar;
    private final boolean dowStar;

    private Cron(String expression, long[] fields, boolean domStar, boolean dowStar) {
        this.expression = expression;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.daysOfMonth = fields[2];
        this.months = fields[3];
        long dow = fields[4];
        if ((dow & (1L << 7)) != 0) {
            dow = (dow | 1L) & ~(1L << 7);
        }
        this.daysOfWeek = dow;
        this.domStar = domStar;
        this.dowStar = dowStar;
    }

    private record Field(String name, int min, int max, List<String> names, int nameBase) {
    }

    private static final Field[] FIELDS = {
        new Field("minute", 0, 59, List.of(), 0),
        new Field("hour", 0, 23, List.of(), 0),
        new Field("day of month", 1, 31, List.of(), 0),
        new Field("month", 1, 12, MONTHS, 1),
        new Field("day of week", 0, 7, DAYS, 0),
    };

    /**
     * Parses a schedule.
     *
     * @param expression five fields separated by spaces, or a macro such as {@code @daily}
     * @return the schedule
     * @throws InvalidInputException naming the field and what was expected, or when the schedule never fires
     */
    public static Cron parse(String expression) {
        String text = expression.trim();
        String fieldsText = text.startsWith("@") ? MACROS.get(text.toLowerCase(Locale.ROOT)) : text;
        if (fieldsText == null) {
            throw new InvalidInputException(expression, "unknown cron macro '" + text + "'; known: "
                    + String.join(", ", MACROS.keySet().stream().sorted().toList()));
        }
        String[] parts = fieldsText.split("\\s+");
        if (parts.length != 5) {
            throw new InvalidInputException(expression, "the cron schedule '" + expression + "' has " + parts.length
                    + " field" + (parts.length == 1 ? "" : "s") + "; expected 5: minute hour day-of-month month"
                    + " day-of-week, such as '0 22 * * fri'");
        }
        long[] bits = new long[5];
        for (int i = 0; i < 5; i++) {
            bits[i] = field(expression, parts[i], FIELDS[i]);
        }
        Cron cron = new Cron(text, bits, isStar(parts[2]), isStar(parts[4]));
        LocalDateTime probe = LocalDateTime.of(2000, 1, 1, 0, 0);
        if (cron.nextLocal(probe).isEmpty()) {
            throw new InvalidInputException(expression, "the cron schedule '" + expression
                    + "' never fires (no month has that day); check the day-of-month and month fields");
        }
        return cron;
    }

    private static boolean isStar(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static long field(String expression, String text, Field f) {
        long bits = 0;
        for (String item : text.split(",", -1)) {
            bits |= item(expression, item, f);
        }
        return bits;
    }

    private static long item(String expression, String item, Field f) {
        if (item.isEmpty()) {
            throw bad(expression, item, f, "an empty list item");
        }
        String range = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            step = number(expression, item.substring(slash + 1), f, "a step");
            if (step < 1) {
                throw bad(expression, item, f, "a step of 0");
            }
        }
        int low;
        int high;
        if (range.equals("*") || range.equals("?")) {
            low = f.min();
            high = f.max() == 7 ? 6 : f.max();
        } else {
            int dash = range.indexOf('-');
            if (dash >= 0) {
                low = value(expression, range.substring(0, dash), f);
                high = value(expression, range.substring(dash + 1), f);
                if (high < low) {
                    throw bad(expression, item, f, "a range that runs backwards (" + range + ")");
                }
            } else {
                low = value(expression, range, f);
                high = slash >= 0 ? (f.max() == 7 ? 6 : f.max()) : low;
            }
        }
        long bits = 0;
        for (int v = low; v <= high; v += step) {
            bits |= 1L << v;
        }
        return bits;
    }

    private static int value(String expression, String text, Field f) {
        int named = f.names().indexOf(text.toLowerCase(Locale.ROOT));
        if (named >= 0) {
            return named + f.nameBase();
        }
        int v = number(expression, text, f, "a value");
        if (v < f.min() || v > f.max()) {
            throw bad(expression, text, f, "the value " + v + " outside " + f.min() + "-" + f.max());
        }
        return v;
    }

    private static int number(String expression, String text, Field f, String what) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(expression, text, f, what + " that is not a number"
                    + (f.names().isEmpty() ? "" : " or a name (" + f.names().get(0) + ", ...)") + ": '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static InvalidInputException bad(String expression, String token, Field f, String problem) {
        return new InvalidInputException(expression, "the cron schedule '" + expression + "' has " + problem
                + " in its " + f.name() + " field; expected *, a number " + f.min() + "-" + f.max()
                + (f.names().isEmpty() ? "" : " or a name such as " + f.names().get(0))
                + ", a range a-b, a step x/n, or a list of these separated by commas");
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Cron> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Parses a schedule, reusing an earlier parse of the same text.
     *
     * @param expression the schedule
     * @return the schedule
     * @throws InvalidInputException as {@link #parse} does
     */
    public static Cron cached(String expression) {
        Cron c = CACHE.get(expression);
        if (c == null) {
            c = parse(expression);
            if (CACHE.size() > 256) {
                CACHE.clear();
            }
            CACHE.put(expression, c);
        }
        return c;
    }

    /**
     * The schedule as written.
     *
     * @return the expression
     */
    public String expression() {
        return expression;
    }

    /**
     * Whether the schedule fires at this minute (seconds ignored).
     *
     * @param time a local date and time
     * @return true when every field matches
     */
    public boolean matches(LocalDateTime time) {
        return dayMatches(time.toLocalDate()) && (hours & (1L << time.getHour())) != 0
                && (minutes & (1L << time.getMinute())) != 0;
    }

    private boolean dayMatches(LocalDate date) {
        if ((months & (1L << date.getMonthValue())) == 0) {
            return false;
        }
        boolean dom = (daysOfMonth & (1L << date.getDayOfMonth())) != 0;
        int weekday = date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue();
        boolean dow = (daysOfWeek & (1L << weekday)) != 0;
        return domStar || dowStar ? dom && dow : dom || dow;
    }

    /**
     * The first firing at or after a local time (rounded up to the minute).
     *
     * @param from the local time to start from
     * @return the firing, or empty when none comes within eight years
     */
    public Optional<LocalDateTime> nextLocal(LocalDateTime from) {
        LocalDateTime start = from.truncatedTo(ChronoUnit.MINUTES);
        if (start.isBefore(from)) {
            start = start.plusMinutes(1);
        }
        LocalDate date = start.toLocalDate();
        for (int d = 0; d <= SEARCH_DAYS; d++, date = date.plusDays(1)) {
            if (!dayMatches(date)) {
                continue;
            }
            int fromHour = d == 0 ? start.getHour() : 0;
            for (int h = fromHour; h < 24; h++) {
                if ((hours & (1L << h)) == 0) {
                    continue;
                }
                int fromMinute = d == 0 && h == start.getHour() ? start.getMinute() : 0;
                for (int m = fromMinute; m < 60; m++) {
                    if ((minutes & (1L << m)) != 0) {
                        return Optional.of(LocalDateTime.of(date, LocalTime.of(h, m)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first firing at or after an instant, in a time zone. A local firing time that a daylight-saving gap
     * skips fires at the gap's end.
     *
     * @param from the instant to start from
     * @param zone the zone the schedule is read in
     * @return the firing, or empty when none comes within eight years
     */
    public Optional<Instant> next(Instant from, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        // in an overlap local time runs twice: start an hour early and skip firings before `from`; past the
        // first two local hours every firing lies after `from`
        LocalDateTime cursor = local.minusHours(1);
        while (true) {
            Optional<LocalDateTime> hit = nextLocal(cursor);
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime zoned = ZonedDateTime.of(hit.get(), zone);
            Instant earlier = zoned.withEarlierOffsetAtOverlap().toInstant();
            Instant later = zoned.withLaterOffsetAtOverlap().toInstant();
            if (!earlier.isBefore(from)) {
                return Optional.of(earlier);
            }
            if (!later.isBefore(from)) {
                return Optional.of(later);
            }
            cursor = hit.get().plusMinutes(1);
        }
    }

    /**
     * The last firing at or before a local time (seconds ignored).
     *
     * @param at the local time
     * @return the firing, or empty when none came within eight years
     */
    public Optional<LocalDateTime> previousLocal(LocalDateTime at) {
        LocalDateTime start = at.truncatedTo(ChronoUnit.MINUTES);
        LocalDate date = start.toLocalDate();
        for (int d = 0; d <= SEARCH_DAYS; d++, date = date.minusDays(1)) {
            if (!dayMatches(date)) {
                continue;
            }
            int fromHour = d == 0 ? start.getHour() : 23;
            for (int h = fromHour; h >= 0; h--) {
                if ((hours & (1L << h)) == 0) {
                    continue;
                }
                int fromMinute = d == 0 && h == start.getHour() ? start.getMinute() : 59;
                for (int m = fromMinute; m >= 0; m--) {
                    if ((minutes & (1L << m)) != 0) {
                        return Optional.of(LocalDateTime.of(date, LocalTime.of(h, m)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The last firing at or before an instant, in a time zone.
     *
     * @param at the instant
     * @param zone the zone the schedule is read in
     * @return the firing, or empty when none came within eight years
     */
    public Optional<Instant> previous(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        // mirror of next: start an hour late so that both instants of an overlap are seen
        LocalDateTime cursor = local.plusHours(1);
        while (true) {
            Optional<LocalDateTime> hit = previousLocal(cursor);
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime zoned = ZonedDateTime.of(hit.get(), zone);
            Instant later = zoned.withLaterOffsetAtOverlap().toInstant();
            Instant earlier = zoned.withEarlierOffsetAtOverlap().toInstant();
            if (!later.isAfter(at)) {
                return Optional.of(later);
            }
            if (!earlier.isAfter(at)) {
                return Optional.of(earlier);
            }
            cursor = hit.get().minusMinutes(1);
        }
    }

    /**
     * The latest firing at or before an instant, looking back at most {@code within}.
     *
     * @param at the instant
     * @param zone the zone the schedule is read in
     * @param within how far back to look
     * @return the firing, or empty when none falls in {@code [at - within, at]}
     */
    public Optional<Instant> lastWithin(Instant at, ZoneId zone, java.time.Duration within) {
        Instant from = at.minus(within);
        return previous(at, zone).filter(t -> !t.isBefore(from));
    }

    @Override
    public String toString() {
        return expression;
    }
}
