package dev.slipway.bench;

import dev.slipway.api.ServiceId;
import dev.slipway.core.config.GitOps;
import dev.slipway.core.manifest.AtomicFiles;
import dev.slipway.core.manifest.ManifestSource;
import dev.slipway.core.manifest.MarkerEdits;
import dev.slipway.core.manifest.MarkerIndex;
import dev.slipway.core.manifest.MarkerLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One deployment's manifest step, as a whole process (the one-shot benchmark) and as a method (the warm
 * one): walk the tree, scan it for the marker of one service in one environment, set the version at every
 * marker with all checks (re-parse verification, image tag validation) and write the changed files
 * atomically.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.slipway.bench.ManifestEditMain TREE ENV SERVICE VERSION
 * </pre>
 *
 * Prints the changed files, one a line.
 */
public final class ManifestEditMain {

    private ManifestEditMain() {
    }

    /**
     * Runs the step.
     *
     * @param args tree, environment, service, version
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ManifestEditMain TREE ENV SERVICE VERSION");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        for (String f : deploy(root, ManifestSource.walk(root), args[1], ServiceId.of(args[2]), args[3])) {
            System.out.println(f);
        }
    }

    /**
     * Sets a service's version in an environment across a tree.
     *
     * @param root the tree
     * @param source the tree's files
     * @param env the environment
     * @param service the service
     * @param version the version
     * @return the files changed
     */
    public static List<String> deploy(Path root, ManifestSource source, String env, ServiceId service,
            String version) {
        MarkerIndex index = MarkerIndex.scan(source, GitOps.DEFAULT, List.of(env), List.of(service));
        List<MarkerLocation> locations = index.requireLocations(env, service);
        Map<String, byte[]> changed = MarkerEdits.setValues(source, locations, version);
        changed.forEach((path, bytes) -> AtomicFiles.write(root.resolve(path), bytes));
        return List.copyOf(changed.keySet());
    }
}
