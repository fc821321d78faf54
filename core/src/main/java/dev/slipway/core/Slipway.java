package dev.slipway.core;

import dev.slipway.api.InvalidInputException;
import dev.slipway.core.config.SlipwayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The one entry point a host embeds: a repository, its configuration and its backends, and the flows
 * of the release process as methods that return plans and results.
 *
 * <pre>{@code
 * Slipway slipway = Slipway.builder().repository(Path.of(".")).build();
 * SlipwayConfig config = slipway.effectiveConfig();
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Slipway {

    private final Path repository;
    private final SlipwayConfig config;
    private final Clock clock;

    private Slipway(Builder builder) {
        this.repository = builder.repository;
        this.clock = builder.clock;
        this.config = builder.config != null ? builder.config
                : builder.configFile != null ? SlipwayConfig.load(builder.configFile)
                : SlipwayConfig.forRepository(repository);
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The repository's root directory.
     *
     * @return the root
     */
    public Path repository() {
        return repository;
    }

    /**
     * The configuration as loaded (or the embedded default), before service discovery.
     *
     * @return the configuration
     */
    public SlipwayConfig config() {
        return config;
    }

    /**
     * The effective configuration: the loaded configuration with every default filled in and, when it
     * does not list services, the services discovered in the working tree ({@code services/*}).
     *
     * @return the effective configuration
     */
    public SlipwayConfig effectiveConfig() {
        return config.withDiscoveredServices(repository);
    }

    /**
     * The clock the flows read time from.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Builds a {@link Slipway}.
     */
    public static final class Builder {

        private Path repository = Path.of("");
        private SlipwayConfig config;
        private Path configFile;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The repository's root directory (default: the current directory).
         *
         * @param root the root
         * @return this builder
         */
        public Builder repository(Path root) {
            this.repository = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * A configuration to use instead of reading {@code slipway.yaml}.
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder config(SlipwayConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.configFile = null;
            return this;
        }

        /**
         * A configuration file to read instead of {@code slipway.yaml} at the repository root.
         *
         * @param file the file
         * @return this builder
         */
        public Builder config(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            this.config = null;
            return this;
        }

        /**
         * The clock the flows read time from (default: the system clock, UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Loads the configuration and builds the facade.
         *
         * @return the facade
         * @throws InvalidInputException if the repository is not a directory
         * @throws dev.slipway.api.InvalidConfigurationException if the configuration is invalid
         */
        public Slipway build() {
            if (!Files.isDirectory(repository)) {
                String shown = repository.toString().isEmpty() ? "." : repository.toString();
                throw new InvalidInputException(shown, "the repository " + shown
                        + (Files.exists(repository) ? " is not a directory" : " does not exist")
                        + "; give the repository's root directory (--repo DIR)");
            }
            return new Slipway(this);
        }
    }
}
