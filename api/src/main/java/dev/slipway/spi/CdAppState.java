package dev.slipway.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CD system reports about one application at one moment.
 *
 * @param name the application's name
 * @param sync whether the live resources match the declared ones
 * @param revisions the revisions the comparison was made against (one per source; Argo CD's
 *     {@code status.sync.revision} or {@code status.sync.revisions}): with {@link CdSyncStatus#SYNCED},
 *     the revisions the application runs
 * @param health the application's health
 * @param operation the last (or current) operation, if any
 * @param reconciledAt when the CD system last compared the application with its source, if it has; a
 *     state whose {@code reconciledAt} is before the last operation's {@code finishedAt} is stale
 * @param images the container images the application's resources run ({@code status.summary.images})
 * @param conditions the conditions reported (errors and warnings)
 * @param autoSync whether the CD system syncs the application on its own when its source changes
 */
public record CdAppState(String name, CdSyncStatus sync, List<String> revisions, CdHealth health,
        Optional<CdOperation> operation, Optional<Instant> reconciledAt, List<String> images,
        List<CdCondition> conditions, boolean autoSync) {

    /**
     * Checks and freezes the parts.
     */
    public CdAppState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sync, "sync");
        revisions = List.copyOf(revisions);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reconciledAt, "reconciledAt");
        images = List.copyOf(images);
        conditions = List.copyOf(conditions);
    }

    /**
     * The revision of the first (or only) source.
     *
     * @return the revision, if the CD system reports one
     */
    public Optional<String> revision() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(0));
    }

    /**
     * Whether the status predates the last operation: {@code reconciledAt} is missing or before the
     * operation's {@code finishedAt}. A stale status says nothing about what the operation did; refresh
     * and ask again.
     *
     * @return true when stale
     */
    public boolean isStale() {
        Optional<Instant> finished = operation.flatMap(CdOperation::finishedAt);
        return finished.isPresent() && (reconciledAt.isEmpty() || reconciledAt.get().isBefore(finished.get()));
    }

    /**
     * A builder for a state of an application: {@link CdSyncStatus#UNKNOWN}, {@link CdHealth#UNKNOWN}, no
     * revision, operation, reconciliation, images or conditions, auto-sync off, until set.
     *
     * @param name the application's name
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A builder that starts from this state.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.sync = sync;
        b.revisions = new ArrayList<>(revisions);
        b.health = health;
        b.operation = operation;
        b.reconciledAt = reconciledAt;
        b.images = new ArrayList<>(images);
        b.conditions = new ArrayList<>(conditions);
        b.autoSync = autoSync;
        return b;
    }

    /**
     * One line for logs and messages: name, sync status, revision, health and operation phase.
     *
     * @return the summary
     */
    public String summary() {
        return name + ": " + sync + " at " + revision().orElse("(no revision)") + ", " + health
                + operation.map(o -> ", last operation " + o.phase()
                        + (o.message().isBlank() ? "" : " (" + o.message().strip() + ")")).orElse("");
    }

    /**
     * Builds a {@link CdAppState}.
     */
    public static final class Builder {

        private final String name;
        private CdSyncStatus sync = CdSyncStatus.UNKNOWN;
        private List<String> revisions = new ArrayList<>();
        private CdHealth health = CdHealth.UNKNOWN;
        private Optional<CdOperation> operation = Optional.empty();
        private Optional<Instant> reconciledAt = Optional.empty();
        private List<String> images = new ArrayList<>();
        private List<CdCondition> conditions = new ArrayList<>();
        private boolean autoSync;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * The sync status.
         *
         * @param status the status
         * @return this builder
         */
        public Builder sync(CdSyncStatus status) {
            this.sync = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * The compared revisions, one per source.
         *
         * @param values the revisions
         * @return this builder
         */
        public Builder revisions(List<String> values) {
            this.revisions = new ArrayList<>(values);
            return this;
        }

        /**
         * The compared revision of a single-source application.
         *
         * @param value the revision
         * @return this builder
         */
        public Builder revision(String value) {
            return revisions(List.of(value));
        }

        /**
         * The health.
         *
         * @param value the health
         * @return this builder
         */
        public Builder health(CdHealth value) {
            this.health = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The last operation.
         *
         * @param value the operation, or empty for none
         * @return this builder
         */
        public Builder operation(Optional<CdOperation> value) {
            this.operation = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The last operation.
         *
         * @param value the operation
         * @return this builder
         */
        public Builder operation(CdOperation value) {
            return operation(Optional.of(value));
        }

        /**
         * When the CD system last compared the application.
         *
         * @param value the time, or empty when it has not
         * @return this builder
         */
        public Builder reconciledAt(Optional<Instant> value) {
            this.reconciledAt = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * When the CD system last compared the application.
         *
         * @param value the time
         * @return this builder
         */
        public Builder reconciledAt(Instant value) {
            return reconciledAt(Optional.of(value));
        }

        /**
         * The images the application runs.
         *
         * @param values the image references
         * @return this builder
         */
        public Builder images(List<String> values) {
            this.images = new ArrayList<>(values);
            return this;
        }

        /**
         * The conditions.
         *
         * @param values the conditions
         * @return this builder
         */
        public Builder conditions(List<CdCondition> values) {
            this.conditions = new ArrayList<>(values);
            return this;
        }

        /**
         * Whether the CD system syncs the application on its own.
         *
         * @param value true for auto-sync
         * @return this builder
         */
        public Builder autoSync(boolean value) {
            this.autoSync = value;
            return this;
        }

        /**
         * Builds the state.
         *
         * @return the state
         */
        public CdAppState build() {
            return new CdAppState(name, sync, revisions, health, operation, reconciledAt, images, conditions, autoSync);
        }
    }
}
