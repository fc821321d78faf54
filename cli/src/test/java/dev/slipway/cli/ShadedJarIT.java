package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained jar users run ({@code cli/target/slipway.jar}), checked after {@code package}.
 */
class ShadedJarIT {

    private static Path jar;
    private static String version;
    private static List<String> entries;

    @TempDir
    Path dir;

    @BeforeAll
    static void jar() throws IOException {
        String path = System.getProperty("slipway.jar");
        version = System.getProperty("slipway.version");
        assertThat(path).as("failsafe sets slipway.jar; run through Maven").isNotBlank();
        assertThat(version).as("failsafe sets slipway.version; run through Maven").isNotBlank();
        jar = Path.of(path);
        assertThat(jar).as("the shaded jar").isRegularFile();
        entries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(entries::add);
        }
    }

    /** The output of one run of {@code java -jar slipway.jar}. */
    private record Run(int exitCode, String out, String err) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        return java(null, args);
    }

    private Run java(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (home != null) {
            command.add("-Duser.home=" + home);
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        if (home != null) {
            builder.environment().put("HOME", home.toString());
            builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        }
        Process process = builder
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar slipway.jar " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("holds no module-info.class anywhere, META-INF/versions included")
    void noModuleDescriptors() {
        assertThat(entries).isNotEmpty().noneMatch(name -> name.endsWith("module-info.class"));
    }

    @Test
    @DisplayName("holds no JUnit, AssertJ or jqwik classes, nor a test engine registration")
    void noTestLibraries() {
        assertThat(entries)
                .noneMatch(name -> name.startsWith("org/junit/"))
                .noneMatch(name -> name.startsWith("org/opentest4j/"))
                .noneMatch(name -> name.startsWith("org/assertj/"))
                .noneMatch(name -> name.startsWith("net/jqwik/"))
                // Jackson comes with the Argo CD adapter (databind, core, annotations), the tests' YAML and schema tools do not
                .noneMatch(name -> name.startsWith("com/fasterxml/jackson/dataformat/"))
                .noneMatch(name -> name.startsWith("com/networknt/"))
                .noneMatch(name -> name.startsWith("META-INF/services/org.junit."));
    }

    @Test
    @DisplayName("holds the CLI, the core, the api and picocli, and names its main class and version")
    void contents() throws IOException {
        assertThat(entries).contains("dev/slipway/cli/Main.class", "dev/slipway/cli/internal/version.properties",
                "dev/slipway/core/Slipway.class", "dev/slipway/api/Version.class", "picocli/CommandLine.class");
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("dev.slipway.cli.Main");
            assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isEqualTo(version);
        }
    }

    @Test
    @DisplayName("java -jar slipway.jar --version prints the version and exits 0")
    void version() throws Exception {
        Run run = java("--version");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("slipway " + version + System.lineSeparator());
    }

    @Test
    @DisplayName("java -jar slipway.jar --help lists the config command and exits 0")
    void help() throws Exception {
        Run run = java("--help");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: slipway ").containsPattern("(?m)^  config  ");
    }

    @Test
    @DisplayName("the process exits with the CLI's codes: 2 for a usage error, 3 for a missing --repo")
    void exitCodes() throws Exception {
        Run usage = java("--frob");
        Run missingRepo = java("config", "--repo", dir.resolve("missing").toString());

        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err()).startsWith("slipway: Unknown option: '--frob'");
        assertThat(missingRepo.exitCode()).isEqualTo(3);
        assertThat(missingRepo.out()).isEmpty();
        assertThat(missingRepo.err().lines()).singleElement().asString().contains(dir.resolve("missing").toString());
    }

    @Test
    @DisplayName("computes versions in a real repository through the bundled JGit, with no SLF4J noise and"
            + " nothing written into the user's home")
    void versionsThroughJGit() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("services/web"));
        Files.writeString(repo.resolve("services/web/main.go"), "package main\n");
        dev.slipway.tck.git.GitCli git = new dev.slipway.tck.git.GitCli(dir.resolve("git-home"));
        git.text(repo, "init", "-q", "-b", "main");
        git.text(repo, "add", "-A");
        git.text(repo, "commit", "-q", "-m", "web");
        git.text(repo, "tag", "services/web@0.2.2");
        git.text(repo, "commit", "-q", "--allow-empty", "-m", "next");
        String head = git.text(repo, "rev-parse", "HEAD");
        Path home = Files.createDirectories(dir.resolve("home"));
        java.nio.file.Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));

        Run run = java(home, "--repo", repo.toString(), "version", "--all");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("services/web 0.2.3-rc0001-g" + head.substring(0, 7) + System.lineSeparator());
        try (var files = Files.list(home)) {
            assertThat(files).as("files written into HOME").isEmpty();
        }
    }

    @Test
    @DisplayName("the merged META-INF/services lets java -jar slipway.jar adapters find git-jgit with the jar's version")
    void adapters() throws Exception {
        Run run = java("adapters");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?m)^GitBackend +git-jgit +" + java.util.regex.Pattern.quote(version) + " +.*slipway\\.jar$");
        assertThat(run.out()).containsPattern("(?m)^CdBackend +cd-argocd +" + java.util.regex.Pattern.quote(version) + " +.*slipway\\.jar$");
    }

    @Test
    @DisplayName("the Argo CD adapter runs from the jar alone: --cd argocd's backend reads an application over HTTP with the"
            + " bundled Jackson")
    void argoCdFromTheJar() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/api/v1/applications/web-staging", exchange -> {
            seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"metadata\":{\"name\":\"web-staging\"},\"spec\":{\"syncPolicy\":{\"automated\":{}}},"
                    + "\"status\":{\"sync\":{\"status\":\"Synced\",\"revision\":\"" + "ab".repeat(20) + "\"},"
                    + "\"health\":{\"status\":\"Healthy\"},\"summary\":{\"images\":[\"ghcr.io/acme/web:1.0.0\"]}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path repo = Files.createDirectories(dir.resolve("argocd-repo"));
        Files.writeString(repo.resolve("slipway.yaml"), "cd:\n  server: 127.0.0.1:" + server.getAddress().getPort()
                + "\n  plaintext: true\n  project: default\n");
        // only the jar on the class path: the platform loader as parent keeps the test class path out
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // ServiceLoader.load(Class) looks through the thread's context class loader
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> slipway = loader.loadClass("dev.slipway.core.Slipway");
            Object builder = slipway.getMethod("builder").invoke(null);
            Class<?> type = builder.getClass();
            type.getMethod("repository", Path.class).invoke(builder, repo);
            type.getMethod("cd", String.class).invoke(builder, "argocd");
            type.getMethod("environment", java.util.Map.class).invoke(builder, java.util.Map.of("ARGOCD_AUTH_TOKEN", "jar-token"));
            Object facade = type.getMethod("build").invoke(builder);
            Object client = ((java.util.Optional<?>) slipway.getMethod("cd").invoke(facade)).orElseThrow();
            Class<?> cdClient = loader.loadClass("dev.slipway.spi.CdClient");
            Object state = cdClient.getMethod("state", String.class).invoke(client, "web-staging");
            assertThat(state.getClass().getClassLoader()).isSameAs(loader);
            assertThat(state.toString()).contains("sync=Synced", "health=Healthy", "ghcr.io/acme/web:1.0.0",
                    "autoSync=true");
            assertThat(client.getClass().getName()).isEqualTo("dev.slipway.cd.argocd.internal.ArgoCdClient");
        } finally {
            Thread.currentThread().setContextClassLoader(ShadedJarIT.class.getClassLoader());
            server.stop(0);
        }
        assertThat(seen).containsExactly("/api/v1/applications/web-staging?project=default Bearer jar-token");
    }
}
