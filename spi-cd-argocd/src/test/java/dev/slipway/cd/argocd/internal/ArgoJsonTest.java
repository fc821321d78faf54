package dev.slipway.cd.argocd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdDeployment;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSyncStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading the Application JSON: the corners the fake does not play. */
class ArgoJsonTest {

    final Set<String> fields = new HashSet<>();

    Json json(String text) throws Exception {
        return Json.root(new ObjectMapper().readTree(text.replace('\'', '"')), "GET /api/v1/applications/{name} 200", fields);
    }

    @Test
    @DisplayName("CD-2: words a later Argo CD adds are Unknown (an unknown phase is an Error), never a success")
    void unknownWords() throws Exception {
        CdAppState s = ArgoJson.state("web", json("{'status':{'sync':{'status':'Drifting'},'health':{'status':'Weird'},"
                + "'operationState':{'phase':'Exploded','startedAt':'2026-03-01T12:00:00+01:00'}}}"));
        assertThat(s.sync()).isEqualTo(CdSyncStatus.UNKNOWN);
        assertThat(s.health()).isEqualTo(CdHealth.UNKNOWN);
        assertThat(s.operation().orElseThrow().phase()).isEqualTo(CdOperationPhase.ERROR);
        assertThat(s.operation().orElseThrow().startedAt()).contains(Instant.parse("2026-03-01T11:00:00Z"));
    }

    @Test
    @DisplayName("an application without status: everything Unknown or empty")
    void noStatus() throws Exception {
        CdAppState s = ArgoJson.state("web", json("{'metadata':{'name':'web'}}"));
        assertThat(s).isEqualTo(CdAppState.builder("web").build());
        assertThat(fields).contains("GET /api/v1/applications/{name} 200 status.sync.revision",
                "GET /api/v1/applications/{name} 200 spec.syncPolicy.automated");
    }

    @Test
    @DisplayName("auto-sync: an automated policy is on, unless Argo CD 3's automated.enabled is false; no policy is off")
    void autoSync() throws Exception {
        assertThat(ArgoJson.state("web", json("{'spec':{'syncPolicy':{'automated':{}}}}")).autoSync()).isTrue();
        assertThat(ArgoJson.state("web", json("{'spec':{'syncPolicy':{'automated':{'enabled':true}}}}")).autoSync()).isTrue();
        assertThat(ArgoJson.state("web", json("{'spec':{'syncPolicy':{'automated':{'enabled':false}}}}")).autoSync()).isFalse();
        assertThat(ArgoJson.state("web", json("{'spec':{'syncPolicy':{'syncOptions':['Prune=false']}}}")).autoSync()).isFalse();
        assertThat(ArgoJson.state("web", json("{'spec':{'syncPolicy':{'automated':null}}}")).autoSync()).isFalse();
    }

    @Test
    @DisplayName("a running operation's revision comes from operation.sync when there is no syncResult yet")
    void runningOperation() throws Exception {
        CdAppState s = ArgoJson.state("web", json("{'status':{'operationState':{'phase':'Running',"
                + "'operation':{'sync':{'revision':'abc'}}}}}"));
        assertThat(s.operation().orElseThrow().revisions()).containsExactly("abc");
        assertThat(s.operation().orElseThrow().finishedAt()).isEmpty();
    }

    @Test
    @DisplayName("history ids may come as strings (proto3 JSON int64); entries are sorted by id")
    void historyIds() throws Exception {
        List<CdDeployment> h = ArgoJson.history(json("{'status':{'history':[{'id':'12','revision':'b',"
                + "'deployedAt':'2026-03-01T12:00:00Z'},{'id':3,'revisions':['1.0.0','a'],'deployedAt':'2026-02-01T12:00:00Z',"
                + "'initiatedBy':{'automated':true}}]}}"));
        assertThat(h).extracting(CdDeployment::id).containsExactly(3L, 12L);
        assertThat(h.get(0).revisions()).containsExactly("1.0.0", "a");
        assertThat(h.get(0).automated()).isTrue();
        assertThat(h.get(1).initiatedBy()).isEmpty();
    }
}
