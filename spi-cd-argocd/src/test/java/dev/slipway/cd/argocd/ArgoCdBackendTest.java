package dev.slipway.cd.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cd.argocd.internal.ArgoCdClient;
import dev.slipway.spi.CdBackend;
import dev.slipway.spi.CdSettings;
import dev.slipway.tck.cd.CdBackendContract;
import dev.slipway.tck.cd.CdWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

/**
 * The Argo CD adapter passes the CD contract kit against the fake Argo CD server; afterwards, everything
 * the kit made it send and read is checked against the API contract.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ArgoCdBackendTest extends CdBackendContract {

    /** Every exchange and read field of the kit's tests, for the contract check that runs last. */
    private static final List<FakeArgoCd.Exchange> EXCHANGES = new ArrayList<>();
    private static final Set<String> FIELDS_READ = new TreeSet<>();

    private FakeArgoCd fake;

    ArgoCdBackendTest() {
    }

    @Override
    protected CdWorld createWorld() {
        fake = FakeArgoCd.start();
        return fake;
    }

    @Override
    protected CdBackend createBackend() {
        return new ArgoCdBackend();
    }

    @Override
    protected CdSettings.Builder settings(CdSettings.Builder kit) {
        return kit.server(Optional.of(fake.url())).project(Optional.of(FakeArgoCd.PROJECT))
                .appNamespace(Optional.of(FakeArgoCd.NAMESPACE))
                .environment(Map.of("ARGOCD_AUTH_TOKEN", FakeArgoCd.TOKEN));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(FakeArgoCd.TOKEN);
    }

    @AfterEach
    void collectTraffic() {
        synchronized (EXCHANGES) {
            EXCHANGES.addAll(fake.exchanges());
            FIELDS_READ.addAll(((ArgoCdClient) client()).fieldsRead());
        }
    }

    @Nested
    @Order(Integer.MAX_VALUE)
    @DisplayName("the kit's traffic and the API contract")
    class Conformance {

        @Test
        @DisplayName("every path, method, query parameter and JSON field the kit's tests exchanged is in the Argo CD API contract")
        void kitTrafficConforms() {
            SwaggerContract contract = SwaggerContract.load();
            synchronized (EXCHANGES) {
                assertThat(EXCHANGES).as("the kit ran first and its traffic was recorded").isNotEmpty();
                SwaggerContract.assertConforms(contract.violations(EXCHANGES, FIELDS_READ));
                assertThat(FIELDS_READ).anyMatch(f -> f.endsWith(" status.sync.revision"));
            }
        }
    }
}
