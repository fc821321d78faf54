package dev.slipway.spi;

import java.time.Duration;

/**
 * How a backend waits between polls and retries. Injected with a {@link java.time.Clock} so that tests
 * advance a manual clock instead of sleeping: a test's sleeper moves its clock forward by the duration
 * and returns at once.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for a while.
     *
     * @param duration how long; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that blocks the calling thread ({@link Thread#sleep(long)}).
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
