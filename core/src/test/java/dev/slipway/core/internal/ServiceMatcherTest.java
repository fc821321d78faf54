package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ServiceId;
import dev.slipway.core.config.ServiceConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceMatcherTest {

    static ServiceConfig service(String path, String... paths) {
        ServiceId id = ServiceId.of(path);
        return new ServiceConfig(id, paths.length == 0 ? ServiceConfig.defaultPaths(id) : List.of(paths),
                Optional.empty(), Map.of(), Optional.empty());
    }

    static List<String> changed(ServiceMatcher m, String... paths) {
        return m.changed(List.of(paths)).stream().map(ServiceId::path).toList();
    }

    @Test
    @DisplayName("a file belongs to the service directory that holds it, on whole segments")
    void wholeSegments() {
        ServiceMatcher m = new ServiceMatcher(List.of(service("services/web"), service("services/web-api")), List.of());
        assertThat(changed(m, "services/web-api/main.go")).containsExactly("services/web-api");
        assertThat(changed(m, "services/web/main.go")).containsExactly("services/web");
        assertThat(changed(m, "services/webx/main.go", "README.md")).isEmpty();
    }

    @Test
    @DisplayName("with the default filters a nested service's files do not change its parent")
    void nested() {
        ServiceMatcher m = new ServiceMatcher(List.of(service("services/web"), service("services/web/admin")), List.of());
        assertThat(changed(m, "services/web/admin/x.go")).containsExactly("services/web/admin");
        assertThat(changed(m, "services/web/y.go")).containsExactly("services/web");
    }

    @Test
    @DisplayName("extra paths add services; excludes are evaluated in order, the last match wins")
    void extraAndExcludes() {
        ServiceMatcher m = new ServiceMatcher(List.of(
                service("services/go-backend", "services/go-backend/**", "libs/common/**", "!**/*.md"),
                service("services/web", "services/web/**", "!services/web/docs/**", "services/web/docs/api.yaml")),
                List.of());
        assertThat(changed(m, "libs/common/util.go")).containsExactly("services/go-backend");
        assertThat(changed(m, "services/go-backend/README.md", "libs/common/README.md")).isEmpty();
        assertThat(changed(m, "services/web/docs/guide.md")).isEmpty();
        assertThat(changed(m, "services/web/docs/api.yaml")).containsExactly("services/web");
    }

    @Test
    @DisplayName("a filter without a literal prefix is tested against every path")
    void unanchored() {
        ServiceMatcher m = new ServiceMatcher(List.of(service("services/web", "**/*.proto"), service("services/api")),
                List.of());
        assertThat(changed(m, "proto/v1/a.proto")).containsExactly("services/web");
        assertThat(changed(m, "services/api/b.proto")).containsExactly("services/api", "services/web");
    }

    @Test
    @DisplayName("a change to a global path changes every service")
    void global() {
        ServiceMatcher m = new ServiceMatcher(List.of(service("services/b"), service("services/a")),
                List.of(".github/workflows/**"));
        assertThat(changed(m, ".github/workflows/ci.yaml")).containsExactly("services/a", "services/b");
        assertThat(changed(m, ".github/CODEOWNERS")).isEmpty();
    }

    @Test
    @DisplayName("results are sorted by path")
    void sorted() {
        ServiceMatcher m = new ServiceMatcher(List.of(service("services/z"), service("services/a")), List.of());
        assertThat(changed(m, "services/z/1", "services/a/1")).containsExactly("services/a", "services/z");
    }
}
