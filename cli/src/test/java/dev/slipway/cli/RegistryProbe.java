package dev.slipway.cli;

import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.core.Slipway;
import dev.slipway.core.config.SlipwayConfig;
import java.nio.file.Path;

/**
 * Run by {@link ShadedJarIT} on the shaded jar's class path: the facade selects the registry backend that
 * {@code registry:} (the first argument, YAML) names and prints the digest of an image (second and third
 * arguments), so the discovery and the bundled SDK are exercised exactly as a host of the jar would.
 */
public final class RegistryProbe {

    private RegistryProbe() {
    }

    /**
     * Prints the digest of {@code args[1]:args[2]} per the registry section {@code args[0]}.
     *
     * @param args the registry section, the repository and the tag
     */
    public static void main(String[] args) {
        try (Slipway slipway = Slipway.builder().repository(Path.of("."))
                .config(SlipwayConfig.parse("registry: " + args[0] + "\n", "probe.yaml")).build()) {
            System.out.println(slipway.registry().orElseThrow().digest(ImageRepository.of(args[1]), ImageTag.of(args[2]))
                    .map(Object::toString).orElse("absent"));
        }
    }
}
