package dev.slipway.spi;

import dev.slipway.api.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CdBackend} needs to reach its CD system, in terms the api knows: the {@code cd} section
 * of {@code slipway.yaml} as plain values, the process environment (where credentials come from, never
 * from the configuration file), and the clock and sleeper every wait and retry goes through.
 *
 * <p>Immutable. {@link #toString()} names the settings but never an environment value: the environment
 * holds tokens and passwords.
 */
public final class CdSettings {

    /** The default time limit of one call to the CD system. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    /** The default pause between two looks at an application while waiting. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** The default time a sync waits for another operation on the application to end. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofMinutes(2);
    /** The default number of retries of a call that met a transient fault (5xx, connection failure). */
    public static final int DEFAULT_RETRIES = 4;

    private final Optional<String> server;
    private final boolean plaintext;
    private final boolean insecure;
    private final Optional<String> project;
    private final Optional<String> appNamespace;
    private final Duration callTimeout;
    private final Duration pollInterval;
    private final Duration busyTimeout;
    private final int retries;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Sleeper sleeper;

    private CdSettings(Builder b) {
        this.server = b.server;
        this.plaintext = b.plaintext;
        this.insecure = b.insecure;
        this.project = b.project;
        this.appNamespace = b.appNamespace;
        this.callTimeout = b.callTimeout;
        this.pollInterval = b.pollInterval;
        this.busyTimeout = b.busyTimeout;
        this.retries = b.retries;
        this.environment = b.environment;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    /**
     * A builder with the defaults: no server, TLS verified, no project or namespace, the default
     * timeouts, the process environment, the system clock (UTC) and the blocking sleeper.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from these settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.server = server;
        b.plaintext = plaintext;
        b.insecure = insecure;
        b.project = project;
        b.appNamespace = appNamespace;
        b.callTimeout = callTimeout;
        b.pollInterval = pollInterval;
        b.busyTimeout = busyTimeout;
        b.retries = retries;
        b.environment = environment;
        b.clock = clock;
        b.sleeper = sleeper;
        return b;
    }

    /**
     * The server: {@code host[:port]} or a URL ({@code cd.server}).
     *
     * @return the server, if configured
     */
    public Optional<String> server() {
        return server;
    }

    /**
     * Whether to talk plain HTTP, without TLS ({@code cd.plaintext}).
     *
     * @return true for no TLS
     */
    public boolean plaintext() {
        return plaintext;
    }

    /**
     * Whether to accept any TLS certificate ({@code cd.insecure}).
     *
     * @return true to skip certificate verification
     */
    public boolean insecure() {
        return insecure;
    }

    /**
     * The project sent on every call ({@code cd.project}).
     *
     * @return the project, if configured
     */
    public Optional<String> project() {
        return project;
    }

    /**
     * The applications' namespace ({@code cd.app-namespace}).
     *
     * @return the namespace, if configured
     */
    public Optional<String> appNamespace() {
        return appNamespace;
    }

    /**
     * The time limit of one call.
     *
     * @return the limit, positive
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The pause between two looks at an application while waiting.
     *
     * @return the interval, positive
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * How long a sync waits for another operation on the application to end before giving up.
     *
     * @return the limit, positive
     */
    public Duration busyTimeout() {
        return busyTimeout;
    }

    /**
     * How many times a call that met a transient fault is retried.
     *
     * @return the retries, zero or more
     */
    public int retries() {
        return retries;
    }

    /**
     * A variable of the environment the settings carry.
     *
     * @param name the variable's name
     * @return its value, or empty when unset or blank
     */
    public Optional<String> env(String name) {
        String value = environment.get(Objects.requireNonNull(name, "name"));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The clock every wait and deadline reads.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The sleeper every wait and back-off goes through.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The settings without the environment's values.
     *
     * @return a description that holds no secret
     */
    @Override
    public String toString() {
        return "CdSettings[server=" + server.orElse("(unset)") + ", plaintext=" + plaintext + ", insecure=" + insecure
                + ", project=" + project.orElse("(unset)") + ", appNamespace=" + appNamespace.orElse("(unset)")
                + ", callTimeout=" + callTimeout + ", pollInterval=" + pollInterval + ", busyTimeout=" + busyTimeout
                + ", retries=" + retries + ", environment=(" + environment.size() + " variables, values hidden)]";
    }

    /**
     * Builds {@link CdSettings}.
     */
    public static final class Builder {

        private Optional<String> server = Optional.empty();
        private boolean plaintext;
        private boolean insecure;
        private Optional<String> project = Optional.empty();
        private Optional<String> appNamespace = Optional.empty();
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private Map<String, String> environment = System.getenv();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        /**
         * The server, {@code host[:port]} or a URL.
         *
         * @param value the server, or empty to take it from the environment
         * @return this builder
         */
        public Builder server(Optional<String> value) {
            this.server = nonBlank(value, "server");
            return this;
        }

        /**
         * Plain HTTP, without TLS.
         *
         * @param value true for no TLS
         * @return this builder
         */
        public Builder plaintext(boolean value) {
            this.plaintext = value;
            return this;
        }

        /**
         * TLS without certificate verification.
         *
         * @param value true to accept any certificate
         * @return this builder
         */
        public Builder insecure(boolean value) {
            this.insecure = value;
            return this;
        }

        /**
         * The project sent on every call.
         *
         * @param value the project, or empty for none
         * @return this builder
         */
        public Builder project(Optional<String> value) {
            this.project = nonBlank(value, "project");
            return this;
        }

        /**
         * The applications' namespace.
         *
         * @param value the namespace, or empty for the CD system's default
         * @return this builder
         */
        public Builder appNamespace(Optional<String> value) {
            this.appNamespace = nonBlank(value, "appNamespace");
            return this;
        }

        /**
         * The time limit of one call.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration value) {
            this.callTimeout = positive(value, "callTimeout");
            return this;
        }

        /**
         * The pause between two looks at an application while waiting.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = positive(value, "pollInterval");
            return this;
        }

        /**
         * How long a sync waits for another operation to end.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder busyTimeout(Duration value) {
            this.busyTimeout = positive(value, "busyTimeout");
            return this;
        }

        /**
         * How many times a call that met a transient fault is retried.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder retries(int value) {
            if (value < 0) {
                throw new InvalidInputException(String.valueOf(value), "retries must be 0 or more, not " + value);
            }
            this.retries = value;
            return this;
        }

        /**
         * The environment credentials and defaults are read from (default: the process environment).
         *
         * @param value the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /**
         * The clock waits and deadlines read.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The sleeper waits and back-offs go through.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public CdSettings build() {
            return new CdSettings(this);
        }

        private static Optional<String> nonBlank(Optional<String> value, String what) {
            Objects.requireNonNull(value, what);
            return value.map(String::strip).filter(s -> !s.isEmpty());
        }

        private static Duration positive(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.isZero()) {
                throw new InvalidInputException(value.toString(), what + " must be positive, not " + value);
            }
            return value;
        }
    }
}
