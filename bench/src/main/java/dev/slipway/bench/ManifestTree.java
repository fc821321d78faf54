package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated GitOps tree for the manifest benchmark: {@code kubernetes/<env>/svc-NNNN/values.yaml} for
 * {@link #ENVIRONMENTS} environments x {@code services} services (5 x 1,000 = 5,000 files of about 5 KB,
 * about 25 MB), Helm values in the shapes charts use (image blocks, probes, resources, ingress, comments
 * on most lines), deterministic from a seed.
 *
 * <p>Each file holds its own service's marker twice ({@code image.tag} and the migration job's tag, one
 * plain and one double-quoted), and every tenth file also pins another service's version (a dependency
 * block with that service's marker), so one service's markers are spread over a few files. Nothing in the
 * tree defeats {@code grep | sed}: the trees the two tools edit must come out identical.
 *
 * <p>Two identical copies are kept: {@code slipway/} for Slipway (also a git work tree with every file
 * added to the index, so Slipway can list the files the way {@code deploy} does) and {@code sed/} for the
 * baseline.
 */
public final class ManifestTree {

    /** The environments, as directories and in markers. */
    public static final List<String> ENVIRONMENTS = List.of("dev", "staging", "qa", "prod-eu", "prod-us");
    /** Services per environment: 5 x 1,000 = 5,000 values files. */
    public static final int SERVICES = 1000;
    /** The random seed. */
    public static final long SEED = 20_260_101L;
    /** Bump when the output changes: it invalidates cached trees. */
    static final int GENERATOR_VERSION = 2;

    private final Path dir;
    private final int services;

    private ManifestTree(Path dir, int services) {
        this.dir = dir;
        this.services = services;
    }

    /**
     * The copy Slipway edits.
     *
     * @return the tree's root
     */
    public Path slipway() {
        return dir.resolve("slipway");
    }

    /**
     * The copy grep and sed edit.
     *
     * @return the tree's root
     */
    public Path sed() {
        return dir.resolve("sed");
    }

    /**
     * How many services the tree has.
     *
     * @return the number of services per environment
     */
    public int services() {
        return services;
    }

    /**
     * The service the benchmark deploys: one whose marker is in its own file and pinned by others.
     *
     * @return a service path
     */
    public String service() {
        return service(7);
    }

    static String service(int i) {
        return String.format(Locale.ROOT, "services/svc-%04d", i);
    }

    /**
     * Generates the tree under {@code cache}, or reuses it.
     *
     * @param cache the cache directory
     * @param services services per environment
     * @param seed the random seed
     * @return the tree
     */
    public static ManifestTree ensure(Path cache, int services, long seed) {
        Path dir = cache.resolve("s" + services + "-seed" + seed + "-g" + GENERATOR_VERSION);
        ManifestTree tree = new ManifestTree(dir, services);
        if (Files.isRegularFile(dir.resolve("complete"))) {
            return tree;
        }
        try {
            deleteTree(dir);
            long start = System.nanoTime();
            Random random = new Random(seed);
            for (String env : ENVIRONMENTS) {
                for (int s = 0; s < services; s++) {
                    byte[] content = values(random, env, s, services).getBytes(StandardCharsets.UTF_8);
                    for (Path root : List.of(tree.slipway(), tree.sed())) {
                        Path f = root.resolve("kubernetes").resolve(env).resolve(String.format(Locale.ROOT, "svc-%04d", s))
                                .resolve("values.yaml");
                        Files.createDirectories(f.getParent());
                        Files.write(f, content);
                    }
                }
            }
            // the Slipway copy is a git work tree, so the files can be listed from the index as deploy does
            Proc.check(tree.slipway(), "git", "init", "-q");
            Proc.check(tree.slipway(), "git", "add", "-A");
            Files.writeString(dir.resolve("complete"), String.format(Locale.ROOT, "%.1f s%n",
                    (System.nanoTime() - start) / 1e9));
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The total size of one copy.
     *
     * @return bytes and files under {@link #slipway()}, {@code .git} excluded
     */
    public long[] size() {
        long[] out = new long[2];
        try {
            Files.walkFileTree(slipway(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    out[0] += attrs.size();
                    out[1]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ---------------------------------------------------------------- one values file

    private static String values(Random r, String env, int s, int services) {
        String name = String.format(Locale.ROOT, "svc-%04d", s);
        String marker = env + "_" + service(s);
        String version = r.nextInt(3) + "." + r.nextInt(20) + "." + r.nextInt(10) + "-rc"
                + String.format(Locale.ROOT, "%04d", r.nextInt(10000)) + "-g" + hex(r, 7);
        StringBuilder sb = new StringBuilder(6000);
        sb.append("## @section Global parameters\n")
                .append("## Global Docker image parameters\n")
                .append("## Please, note that this will override the image parameters configured to use the global value\n")
                .append("##\n")
                .append("global:\n")
                .append("  imageRegistry: \"\"\n")
                .append("  ## E.g.\n  ## imagePullSecrets:\n  ##   - myRegistryKeySecretName\n  ##\n")
                .append("  imagePullSecrets: []\n")
                .append("  storageClass: \"\"\n\n")
                .append("## @section Common parameters\n")
                .append("nameOverride: \"\"\n")
                .append("fullnameOverride: \"").append(name).append("\"\n")
                .append("commonLabels:\n")
                .append("  app.kubernetes.io/part-of: platform   # grouping label\n")
                .append("  team: team-").append(r.nextInt(40)).append('\n')
                .append("commonAnnotations: {}\n\n")
                .append("## ").append(name).append(" image\n")
                .append("## ref: https://registry.example.com/acme/").append(name).append("/tags\n")
                .append("## @param image.registry image registry\n")
                .append("## @param image.repository image repository\n")
                .append("## @param image.tag image tag (immutable tags are recommended)\n")
                .append("## @param image.digest image digest in the way sha256:aa.... If set, it overrides the tag\n")
                .append("##\n")
                .append("image:\n")
                .append("  registry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com\n")
                .append("  repository: acme/").append(name).append('\n')
                .append("  tag: ").append(version).append(" # ").append(marker).append('\n')
                .append("  digest: \"\"\n")
                .append("  ## Specify a imagePullPolicy\n")
                .append("  ## Defaults to 'Always' if image tag is 'latest', else set to 'IfNotPresent'\n")
                .append("  ##\n")
                .append("  pullPolicy: IfNotPresent\n")
                .append("  pullSecrets: []\n")
                .append("  debug: false\n\n")
                .append("replicaCount: ").append(1 + r.nextInt(5)).append("\n\n")
                .append("## Container ports\n")
                .append("containerPorts:\n")
                .append("  http: ").append(8000 + r.nextInt(1000)).append('\n')
                .append("  metrics: 9090   # scraped by Prometheus\n\n");
        probe(sb, "livenessProbe", r);
        probe(sb, "readinessProbe", r);
        probe(sb, "startupProbe", r);
        sb.append("## Container resources\n")
                .append("## ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/\n")
                .append("resources:\n")
                .append("  limits:\n")
                .append("    cpu: ").append(100 * (1 + r.nextInt(10))).append("m\n")
                .append("    memory: ").append(128 * (1 + r.nextInt(8))).append("Mi\n")
                .append("  requests:\n")
                .append("    cpu: ").append(50 * (1 + r.nextInt(10))).append("m\n")
                .append("    memory: ").append(64 * (1 + r.nextInt(8))).append("Mi\n\n")
                .append("## Pod security context\n")
                .append("podSecurityContext:\n")
                .append("  enabled: true\n")
                .append("  fsGroup: 1001\n")
                .append("  seccompProfile:\n    type: RuntimeDefault\n")
                .append("containerSecurityContext:\n")
                .append("  enabled: true\n")
                .append("  runAsUser: 1001\n")
                .append("  runAsNonRoot: true\n")
                .append("  readOnlyRootFilesystem: true\n")
                .append("  allowPrivilegeEscalation: false\n")
                .append("  capabilities:\n    drop: [\"ALL\"]\n\n")
                .append("## Environment variables\n")
                .append("extraEnvVars:\n");
        for (int i = 0, n = 3 + r.nextInt(6); i < n; i++) {
            sb.append("  - name: VAR_").append(i).append('\n')
                    .append("    value: \"").append(hex(r, 8)).append("\"\n");
        }
        sb.append("\n## Service parameters\n")
                .append("service:\n")
                .append("  type: ClusterIP\n")
                .append("  ports:\n    http: 80\n")
                .append("  annotations: {}\n\n")
                .append("## Ingress parameters\n")
                .append("ingress:\n")
                .append("  enabled: ").append(r.nextBoolean()).append('\n')
                .append("  ingressClassName: nginx\n")
                .append("  hostname: ").append(name).append('.').append(env).append(".example.com\n")
                .append("  path: /\n")
                .append("  pathType: ImplementationSpecific\n")
                .append("  annotations:\n")
                .append("    cert-manager.io/cluster-issuer: letsencrypt   # TLS from cert-manager\n")
                .append("    nginx.ingress.kubernetes.io/proxy-body-size: \"").append(1 + r.nextInt(50)).append("m\"\n")
                .append("  tls: true\n\n")
                .append("## Autoscaling\n")
                .append("autoscaling:\n")
                .append("  enabled: ").append(r.nextBoolean()).append('\n')
                .append("  minReplicas: 2\n")
                .append("  maxReplicas: ").append(4 + r.nextInt(20)).append('\n')
                .append("  targetCPU: ").append(50 + r.nextInt(40)).append('\n')
                .append("  targetMemory: \"\"\n\n")
                .append("## Database migrations run the service's image as a job\n")
                .append("migrations:\n")
                .append("  enabled: true\n")
                .append("  image:\n")
                .append("    repository: acme/").append(name).append('\n')
                .append("    tag: \"").append(version).append("\"    # ").append(marker).append('\n')
                .append("    command: [\"/app/migrate\", \"up\"]\n")
                .append("  backoffLimit: 3\n")
                .append("  activeDeadlineSeconds: 600\n\n");
        if (s % 10 == 3) {
            // a hundred files per environment pin a dependency; five of them pin the benchmarked service
            int other = (s / 10) % 20 == 0 ? 7 : (s / 10) % 50;
            sb.append("## Pinned dependency: the version of a service this one calls\n")
                    .append("dependencies:\n")
                    .append("  auth:\n")
                    .append("    enabled: true\n")
                    .append("    version: ").append(version).append(" # ").append(env).append('_').append(service(other))
                    .append('\n')
                    .append("    timeout: 5s\n\n");
        }
        sb.append("## Metrics\n")
                .append("metrics:\n")
                .append("  enabled: true\n")
                .append("  serviceMonitor:\n")
                .append("    enabled: ").append(r.nextBoolean()).append('\n')
                .append("    namespace: monitoring\n")
                .append("    interval: 30s\n")
                .append("    scrapeTimeout: 10s\n")
                .append("    labels: {}\n")
                .append("  prometheusRule:\n")
                .append("    enabled: false\n")
                .append("    rules: []\n\n")
                .append("## Node placement\n")
                .append("nodeSelector: {}\n")
                .append("tolerations: []\n")
                .append("affinity: {}\n")
                .append("podAntiAffinityPreset: soft\n")
                .append("topologySpreadConstraints: []\n\n")
                .append("## Config files mounted into the container\n")
                .append("configuration: |\n")
                .append("  server:\n")
                .append("    port: 8080\n")
                .append("    shutdownTimeout: 30s   # drain connections\n")
                .append("  logging:\n")
                .append("    level: info\n")
                .append("    format: json\n")
                .append("  features:\n");
        for (int i = 0, n = 4 + r.nextInt(8); i < n; i++) {
            sb.append("    flag").append(i).append(": ").append(r.nextBoolean()).append('\n');
        }
        sb.append("\n## Persistence\n")
                .append("persistence:\n")
                .append("  enabled: false\n")
                .append("  storageClass: \"\"\n")
                .append("  accessModes:\n    - ReadWriteOnce\n")
                .append("  size: ").append(1 + r.nextInt(20)).append("Gi\n\n")
                .append("## Service account\n")
                .append("serviceAccount:\n")
                .append("  create: true\n")
                .append("  name: \"\"\n")
                .append("  automountServiceAccountToken: false\n")
                .append("  annotations:\n")
                .append("    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/").append(name).append('-').append(env)
                .append('\n');
        return sb.toString();
    }

    private static void probe(StringBuilder sb, String name, Random r) {
        sb.append("## Configure extra options for the ").append(name).append('\n')
                .append("## ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-probes/\n")
                .append(name).append(":\n")
                .append("  enabled: true\n")
                .append("  initialDelaySeconds: ").append(r.nextInt(60)).append('\n')
                .append("  periodSeconds: ").append(5 + r.nextInt(20)).append('\n')
                .append("  timeoutSeconds: ").append(1 + r.nextInt(5)).append('\n')
                .append("  failureThreshold: ").append(3 + r.nextInt(5)).append('\n')
                .append("  successThreshold: 1\n")
                .append("  httpGet:\n")
                .append("    path: /healthz\n")
                .append("    port: http\n\n");
    }

    private static String hex(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }
}
