package dev.slipway.core.memory;

import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdBackend;
import dev.slipway.spi.CdDeployment;
import dev.slipway.tck.cd.CdBackendContract;
import dev.slipway.tck.cd.CdWorld;
import java.util.List;
import java.util.Optional;

/** The in-memory reference backend passes the CD contract kit; its world is its own scripting surface. */
class InMemoryCdBackendContractTest extends CdBackendContract {

    private InMemoryCdBackend backend;

    InMemoryCdBackendContractTest() {
    }

    @Override
    protected CdWorld createWorld() {
        backend = new InMemoryCdBackend();
        return new CdWorld() {
            @Override
            public void report(CdAppState state) {
                backend.app(state.name()).report(state);
            }

            @Override
            public void play(Advance on, CdAppState state) {
                backend.app(state.name()).play(InMemoryCdBackend.Advance.valueOf(on.name()), state);
            }

            @Override
            public void history(String app, List<CdDeployment> deployments) {
                backend.app(app).history(deployments);
            }

            @Override
            public void syncWindow(String app, boolean closed) {
                backend.app(app).syncWindow(closed);
            }

            @Override
            public void busy(String app, int syncs) {
                backend.app(app).busy(syncs);
            }

            @Override
            public void failTransiently(String app, int calls) {
                backend.app(app).failTransiently(calls);
            }

            @Override
            public void rejectCredentials() {
                backend.rejectCredentials(true);
            }

            @Override
            public List<Optional<String>> syncRequests(String app) {
                return backend.app(app).syncRequests();
            }

            @Override
            public List<Boolean> refreshRequests(String app) {
                return backend.app(app).refreshRequests();
            }
        };
    }

    @Override
    protected CdBackend createBackend() {
        return backend;
    }
}
