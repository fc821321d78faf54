package dev.slipway.core.config;

import dev.slipway.core.internal.Cron;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a promotion's {@code windows}: a time when promotions are denied ({@code deny}) or the only
 * times they are allowed ({@code allow}), with Argo CD sync-window semantics: an active deny window beats
 * every allow window, and when an environment has allow windows, time outside all of them is denied.
 *
 * <p>A window is either recurring, a cron {@code schedule} (five fields, read in {@code time-zone}) that
 * opens it for {@code duration}, or a date range from {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param kind whether the window allows or denies ({@code kind})
 * @param schedule the cron schedule that opens the window ({@code schedule})
 * @param duration how long the window stays open after each firing ({@code duration})
 * @param start when a date-range window opens ({@code start}: a date, read as its first instant in
 *     {@code time-zone}, or a date-time)
 * @param end when a date-range window closes ({@code end}: a date, read as the end of that day, or a
 *     date-time)
 * @param timeZone the zone schedules and dates are read in ({@code time-zone}, default {@code UTC})
 * @param reason why the window exists, shown in decisions ({@code reason})
 */
public record PromotionWindow(Kind kind, Optional<String> schedule, Optional<Duration> duration,
        Optional<Instant> start, Optional<Instant> end, ZoneId timeZone, Optional<String> reason) {

    /** The default time zone of windows, {@code UTC}. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    /** What a window does while it is open. */
    public enum Kind {
        /** Promotions are allowed only inside allow windows (when any are configured). */
        ALLOW,
        /** Promotions are denied inside the window, whatever the allow windows say. */
        DENY;

        /**
         * The name used in {@code slipway.yaml}.
         *
         * @return {@code allow} or {@code deny}
         */
        public String text() {
            return this == ALLOW ? "allow" : "deny";
        }
    }

    /**
     * Checks that the window is exactly one of recurring (schedule and duration) or a date range (start
     * before end), and that the schedule parses.
     *
     * @throws IllegalArgumentException if not
     * @throws dev.slipway.api.InvalidInputException if the schedule is not a valid cron expression
     */
    public PromotionWindow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(reason, "reason");
        boolean recurring = schedule.isPresent() && duration.isPresent();
        boolean range = start.isPresent() && end.isPresent();
        if (recurring == range || (recurring && (start.isPresent() || end.isPresent()))
                || (range && (schedule.isPresent() || duration.isPresent()))) {
            throw new IllegalArgumentException("a window has a schedule and a duration, or a start and an end");
        }
        if (range && !start.get().isBefore(end.get())) {
            throw new IllegalArgumentException("a window's start must come before its end");
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("a window's duration must be positive");
        }
        schedule.ifPresent(Cron::parse);
    }

    /**
     * Whether the window is open at an instant.
     *
     * @param at the instant
     * @return true inside {@code [firing, firing + duration)} of some firing of the schedule, or inside
     *     {@code [start, end)}
     */
    public boolean isOpen(Instant at) {
        return openedAt(at).isPresent();
    }

    /**
     * When the window that is open at an instant opened.
     *
     * @param at the instant
     * @return the latest firing (or the start) whose window holds the instant, or empty when closed
     */
    public Optional<Instant> openedAt(Instant at) {
        Objects.requireNonNull(at, "at");
        if (start.isPresent()) {
            return !at.isBefore(start.get()) && at.isBefore(end.get()) ? start : Optional.empty();
        }
        // firings in (at - duration, at]: the window [firing, firing + duration) holds `at`
        return Cron.cached(schedule.get()).lastWithin(at, timeZone, duration.get().minusNanos(1));
    }

    /**
     * When the window that is open at an instant closes, counting later firings that keep it open.
     *
     * @param at an instant at which the window is open
     * @return the first instant after {@code at} at which it is closed, or empty when it is closed at {@code at}
     *     or firings keep it open for a thousand durations
     */
    public Optional<Instant> closesAfter(Instant at) {
        Optional<Instant> opened = openedAt(at);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        if (end.isPresent()) {
            return end;
        }
        Instant close = opened.get().plus(duration.get());
        // overlapping firings keep it open; bounded so a schedule that never lets it close cannot loop
        for (int i = 0; i < 1_000; i++) {
            Optional<Instant> again = openedAt(close);
            if (again.isEmpty()) {
                return Optional.of(close);
            }
            close = again.get().plus(duration.get());
        }
        return Optional.empty();
    }

    /**
     * When the window next opens at or after an instant.
     *
     * @param from the instant
     * @return the next firing or the start, or empty when it never opens again
     */
    public Optional<Instant> nextOpening(Instant from) {
        if (start.isPresent()) {
            return start.get().isBefore(from) ? Optional.empty() : start;
        }
        return Cron.cached(schedule.get()).next(from, timeZone);
    }

    /**
     * The window in a few words, for decisions: {@code deny '0 22 * * fri' for 2d12h (UTC)} or
     * {@code deny 2024-12-20T00:00:00Z to 2025-01-02T00:00:00Z}.
     *
     * @return the description
     */
    public String describe() {
        String what = schedule.isPresent()
                ? kind.text() + " '" + schedule.get() + "' for " + dev.slipway.core.internal.ConfigWriter.duration(duration.get())
                        + " (" + timeZone.getId() + ")"
                : kind.text() + " " + start.get() + " to " + end.get();
        return what + reason.map(r -> " (" + r + ")").orElse("");
    }
}
