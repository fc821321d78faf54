package dev.slipway.cd.argocd.internal;

import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdCondition;
import dev.slipway.spi.CdDeployment;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdOperation;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSyncStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Argo CD's {@code v1alpha1Application} read into the SPI's values.
 */
final class ArgoJson {

    private ArgoJson() {
    }

    /**
     * The state of an application from its JSON.
     *
     * @param app the application's name, as asked for
     * @param application the {@code v1alpha1Application}
     * @return the state
     */
    static CdAppState state(String app, Json application) {
        Json status = application.get("status");
        Json sync = status.get("sync");
        Json automated = application.get("spec").get("syncPolicy").get("automated");
        // automated.enabled (Argo CD 3) turns a configured policy off without removing it
        boolean autoSync = automated.present() && automated.get("enabled").bool(true);
        return CdAppState.builder(app)
                .sync(CdSyncStatus.fromWire(sync.get("status").text().orElse(null)))
                .revisions(revisions(sync))
                .health(CdHealth.fromWire(status.get("health").get("status").text().orElse(null)))
                .operation(operation(status.get("operationState")))
                .reconciledAt(status.get("reconciledAt").instant())
                .images(status.get("summary").get("images").texts())
                .conditions(status.get("conditions").items().stream().map(ArgoJson::condition).toList())
                .autoSync(autoSync)
                .build();
    }

    /** {@code revisions} of a multi-source object, else its single {@code revision}. */
    private static List<String> revisions(Json holder) {
        List<String> many = holder.get("revisions").texts();
        if (!many.isEmpty()) {
            return many;
        }
        return holder.get("revision").text().map(List::of).orElse(List.of());
    }

    private static Optional<CdOperation> operation(Json state) {
        Optional<String> phase = state.get("phase").text();
        if (!state.present() || phase.isEmpty()) {
            return Optional.empty();
        }
        List<String> revisions = revisions(state.get("syncResult"));
        if (revisions.isEmpty()) {
            revisions = revisions(state.get("operation").get("sync"));
        }
        return Optional.of(new CdOperation(CdOperationPhase.fromWire(phase.get()), state.get("message").text().orElse(""),
                revisions, state.get("startedAt").instant(), state.get("finishedAt").instant()));
    }

    private static CdCondition condition(Json c) {
        return new CdCondition(c.get("type").text().orElse("Unknown"), c.get("message").text().orElse(""),
                c.get("lastTransitionTime").instant());
    }

    /**
     * The deployment history of an application from its JSON, oldest first.
     *
     * @param application the {@code v1alpha1Application}
     * @return the deployments
     */
    static List<CdDeployment> history(Json application) {
        return application.get("status").get("history").items().stream().map(h -> {
            Json by = h.get("initiatedBy");
            Instant deployedAt = h.get("deployedAt").instant().orElse(Instant.EPOCH);
            return new CdDeployment(h.get("id").number().orElse(0L), revisions(h), h.get("deployStartedAt").instant(),
                    deployedAt, by.get("username").text(), by.get("automated").bool(false));
        }).sorted(Comparator.comparingLong(CdDeployment::id)).toList();
    }
}
