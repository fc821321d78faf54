package dev.slipway.core.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Full-jitter exponential back-off: before retry {@code n} (0-based) wait a uniformly random time in
 * {@code [0, min(cap, base * 2^n)]}, so many writers that collided spread out instead of colliding again.
 */
public final class Backoff {

    /** The first bound: 50 ms. */
    public static final Duration BASE = Duration.ofMillis(50);
    /** The largest bound: 2 s. */
    public static final Duration CAP = Duration.ofSeconds(2);

    private final RandomGenerator random;

    /**
     * @param random where the jitter comes from
     */
    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** The upper bound of the wait before retry {@code n}. */
    public static Duration bound(int retry) {
        long millis = BASE.toMillis() << Math.min(Math.max(retry, 0), 20);
        return Duration.ofMillis(Math.min(CAP.toMillis(), millis));
    }

    /** A wait before retry {@code n}: uniform in [0, bound(n)]. */
    public Duration delay(int retry) {
        long bound = bound(retry).toMillis();
        return Duration.ofMillis(random.nextLong(bound + 1));
    }
}
