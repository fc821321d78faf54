package dev.slipway.tck;

import dev.slipway.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A clock that moves only when told: by {@link #advance} or by its {@link #sleeper()}, which advances it by
 * the duration asked for and returns at once. Kits and tests inject both into backends so that waits,
 * deadlines and back-offs run in no time and deterministically. Safe to share between threads.
 */
public final class ManualClock extends Clock {

    private final Object lock = new Object();
    private final ZoneId zone;
    private Instant now;
    private final List<Duration> sleeps;

    /**
     * A clock standing at an instant, in UTC.
     *
     * @param start the instant
     */
    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC, new ArrayList<>());
    }

    private ManualClock(Instant start, ZoneId zone, List<Duration> sleeps) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sleeps = sleeps;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new Delegate(this, other);
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now;
        }
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far; not negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + duration);
        }
        synchronized (lock) {
            now = now.plus(duration);
        }
    }

    /**
     * A sleeper that advances this clock by each duration asked for (and records it) instead of sleeping.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return duration -> {
            synchronized (lock) {
                sleeps.add(duration);
            }
            if (!duration.isNegative()) {
                advance(duration);
            }
        };
    }

    /**
     * The durations the sleeper was asked for, in order.
     *
     * @return the sleeps so far
     */
    public List<Duration> sleeps() {
        synchronized (lock) {
            return List.copyOf(sleeps);
        }
    }

    /**
     * The time the sleeper has been asked to pass, in total.
     *
     * @return the sum of the sleeps
     */
    public Duration slept() {
        return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + "]";
    }

    /** The same clock seen in another zone. */
    private static final class Delegate extends Clock {
        private final ManualClock clock;
        private final ZoneId zone;

        Delegate(ManualClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
