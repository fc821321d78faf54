package dev.slipway.registry.oci.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of an OCI registry client.
 *
 * @param retries how often a throttled, failing or unreachable request is retried
 * @param backoff the base of the full-jitter exponential back-off
 * @param connectTimeout the connect timeout
 * @param requestTimeout the timeout of one request
 * @param pageSize the {@code n} asked for when listing tags, 0 for the registry's choice
 * @param clock the clock token expiry is measured with
 */
public record OciOptions(int retries, Duration backoff, Duration connectTimeout, Duration requestTimeout, int pageSize,
        Clock clock) {

    /**
     * Checks the parts.
     */
    public OciOptions {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(clock, "clock");
    }
}
