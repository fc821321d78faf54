package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Glob semantics, with git's own wildmatch ({@code git ls-files ':(glob)...'}) as the oracle. */
class GlobTest {

    static final List<String> FILES = List.of(
            "README.md", "slipway.yaml", ".github/workflows/ci.yaml", ".github/workflows/release.yml",
            "services/web/main.go", "services/web/.env", "services/web/src/app.ts", "services/web/src/docs/a.md",
            "services/web-api/main.go", "services/web-api/README.md", "services/webx/y.go",
            "services/go-backend/cmd/server/main.go", "services/go-backend/CHANGELOG.md",
            "services/go-backend/internal/a/b/c/d.go", "libs/common/util.go", "libs/common/README.md",
            "kubernetes/staging/values.yaml", "kubernetes/production/values.yaml", "kubernetes/base/kustomization.yaml",
            "a/b/c", "a/x/y/b/c", "ab/c", "x-1/y", "x-a/y", "dir.d/file", "Upper/Case.go");

    @TempDir
    static Path repo;

    @BeforeAll
    static void createRepository() throws Exception {
        for (String f : FILES) {
            Path p = repo.resolve(f);
            Files.createDirectories(p.getParent() == null ? repo : p.getParent());
            Files.writeString(p, f);
        }
        git("init", "-q");
        git("add", "-A");
    }

    static String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotePath=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", cmd, out).isZero();
        return out;
    }

    static List<String> gitMatches(String pattern) throws IOException, InterruptedException {
        String out = git("ls-files", "--", ":(glob)" + pattern);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    static List<String> ourMatches(String pattern) {
        Glob glob = Glob.compile(pattern);
        return FILES.stream().filter(glob::matches).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "services/web", "services/web/**", "services/*", "services/*/main.go", "**/*.md", "*.md", "**/README.md",
        "services/**", "services/**/*.go", "services/w?b/**", "services/[a-w]eb/*", "services/[!a-v]eb/*",
        "services/[^a-v]eb/*", "**/.env", "**/c", "a/**/b/c", "a/**/c", "**", "*", "*/*", "*/*/*", "x-[0-9]/y",
        "x-[a-z]/y", "dir.d/*", "dir?d/*", "Upper/**", "upper/**", ".github/**", ".github/workflows/*.y*ml",
        "kubernetes/**/*.yaml", "kubernetes/*/values.yaml", "libs/common/**", "services/go-backend/**/d.go",
        "services/go-backend/internal/**", "services/web-api", "services/web-", "services/we", "services/web*/**",
        "**/main.go", "**/**/main.go", "services/**/src/**", "README.md", "slipway.yaml"})
    @DisplayName("matches exactly the files git's wildmatch matches")
    void agreesWithGit(String pattern) throws Exception {
        assertThat(ourMatches(pattern)).as(pattern).isEqualTo(gitMatches(pattern));
    }

    @Test
    @DisplayName("a bare directory matches on whole segments only")
    void wholeSegments() {
        Glob g = Glob.compile("services/web");
        assertThat(g.matches("services/web/main.go")).isTrue();
        assertThat(g.matches("services/web")).isTrue();
        assertThat(g.matches("services/web-api/main.go")).isFalse();
        assertThat(g.matches("services/webx")).isFalse();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        services/{web,api}/** | services/web/x.go | true
        services/{web,api}/** | services/api/x.go | true
        services/{web,api}/** | services/web-api/x.go | false
        **/*.{yaml,yml} | a/b.yml | true
        **/*.{yaml,yml} | a/b.json | false
        {a,b/{c,d}}/x | b/d/x | true
        {a,b/{c,d}}/x | b/e/x | false
        *.go | main.go | true
        *.go | cmd/main.go | false
        **/*.go | main.go | true
        a/** | a | false
        a/** | a/b | true
        a**/c | ab/c | true
        a**/c | a/b/c | false
        """)
    @DisplayName("brace sets, anchoring, and '**' inside a segment acting as '*' (as gitignore documents it)")
    void braces(String pattern, String path, boolean expected) {
        assertThat(Glob.compile(pattern).matches(path)).isEqualTo(expected);
    }

    @Test
    @DisplayName("the literal prefix is the leading directories without glob characters")
    void literalPrefix() {
        assertThat(Glob.compile("services/web/**").literalPrefix()).isEqualTo("services/web/");
        assertThat(Glob.compile("services/{a,b}/**").literalPrefix()).isEqualTo("services/");
        assertThat(Glob.compile("**/*.md").literalPrefix()).isEmpty();
        assertThat(Glob.compile("libs/common").literalPrefix()).isEqualTo("libs/common");
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
        ''            | the pattern is empty
        /abs/**       | the pattern starts with '/'; patterns are relative to the repository root, write it without the leading '/'
        ./x           | the pattern starts with './'; write it without './'
        dir/          | the pattern ends with '/'; a directory name without glob characters already matches everything below it (or write dir/**)
        a\\\\b        | the pattern contains a backslash; use '/' between directories (escapes are not supported)
        a//b          | the pattern contains '//'
        a/../b        | the pattern has a '..' segment; patterns are normalized repo-relative paths
        a/[bc         | the '[' at index 2 is not closed by ']'
        a/b]          | the ']' at index 3 closes no '['
        a/{b,c        | a '{' is not closed by '}'
        a/b}          | the '}' at index 3 closes no '{'
        """)
    @DisplayName("invalid patterns are refused with the reason and the fix")
    void invalid(String pattern, String message) {
        String p = pattern.replace("\\\\", "\\");
        assertThat(Glob.problem(p)).isEqualTo(message);
        assertThatThrownBy(() -> Glob.compile(p)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
