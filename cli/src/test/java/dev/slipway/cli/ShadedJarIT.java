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
    @DisplayName("holds the registry adapters with the AWS SDK's ecr client and URL-connection client, and no Apache or Netty client")
    void registryAdapters() {
        assertThat(entries).contains("dev/slipway/registry/oci/OciRegistryBackend.class",
                "dev/slipway/registry/ecr/EcrRegistryBackend.class", "software/amazon/awssdk/services/ecr/EcrClient.class",
                "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class")
                .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/apache/"))
                .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/apache5/"))
                .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/nio/netty/"))
                .noneMatch(name -> name.startsWith("org/apache/http/"))
                .noneMatch(name -> name.startsWith("io/netty/"));
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
    @DisplayName("slipway demo runs from the jar alone: the whole narrated flow, exit 0, no stderr noise, nothing written"
            + " into the user's home")
    void demo() throws Exception {
        Path home = Files.createDirectories(dir.resolve("demo-home"));
        java.nio.file.Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        Path target = dir.resolve("demo");

        Run run = java(home, "demo", "--dir", target.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("==> 11. slipway status", "DENIED: services/web 0.1.0 to production",
                "ALLOWED: services/web 0.1.0 to production", "Done: 11 steps in ");
        assertThat(target.resolve("platform/kubernetes/src/services/web-helm/values.production.yaml"))
                .content().contains("version: 0.1.0 # production_services/web");
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
        String v = java.util.regex.Pattern.quote(version);
        assertThat(run.out()).containsPattern("(?m)^GitBackend +git-jgit +" + v + " +.*slipway\\.jar$")
                .containsPattern("(?m)^CdBackend +cd-argocd +" + v + " +.*slipway\\.jar$")
                .containsPattern("(?m)^RegistryBackend +registry-ecr +" + v + " +.*slipway\\.jar$")
                .containsPattern("(?m)^RegistryBackend +registry-oci +" + v + " +.*slipway\\.jar$");
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

    @Test
    @DisplayName("from the shaded jar, registry.backend selects registry-ecr (the bundled SDK signs and sends DescribeImages)"
            + " and registry-oci (HEAD with Docker-Content-Digest), with no SLF4J noise")
    void registriesFromTheShadedJar() throws Exception {
        String digest = "sha256:" + "ab".repeat(32);
        List<String> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            try (x) {
                x.getRequestBody().readAllBytes();
                String target = x.getRequestHeaders().getFirst("X-Amz-Target");
                targets.add(x.getRequestMethod() + " " + (target != null ? target : x.getRequestURI().getPath()));
                if (target != null) {
                    byte[] body = ("{\"imageDetails\":[{\"imageDigest\":\"" + digest + "\"}]}").getBytes(StandardCharsets.UTF_8);
                    x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                } else {
                    x.getResponseHeaders().add("Docker-Content-Digest", digest);
                    x.sendResponseHeaders(200, -1);
                }
            }
        });
        server.start();
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
            Run ecr = probe("{backend: registry-ecr, region: us-east-1, endpoint: \"" + endpoint + "\"}",
                    "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web");
            assertThat(ecr.err()).isEmpty();
            assertThat(ecr.exitCode()).isZero();
            assertThat(ecr.out().trim()).isEqualTo(digest);
            Run oci = probe("{backend: registry-oci, url: \"" + endpoint + "\", credentials: anonymous}", "team/web");
            assertThat(oci.err()).isEmpty();
            assertThat(oci.exitCode()).isZero();
            assertThat(oci.out().trim()).isEqualTo(digest);
            assertThat(targets).containsExactly("POST AmazonEC2ContainerRegistry_V20150921.DescribeImages",
                    "HEAD /v2/team/web/manifests/1.0.0");
        } finally {
            server.stop(0);
        }
    }

    private Run probe(String registry, String image) throws IOException, InterruptedException {
        Path out = dir.resolve("probe-out");
        Path err = dir.resolve("probe-err");
        String classPath = jar + java.io.File.pathSeparator + Path.of(RegistryProbe.class.getProtectionDomain()
                .getCodeSource().getLocation().getPath());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-cp", classPath, RegistryProbe.class.getName(), registry, image, "1.0.0")
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDSHADED");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "shaded-secret");
        builder.environment().remove("AWS_PROFILE");
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the registry probe did not finish in 2 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
