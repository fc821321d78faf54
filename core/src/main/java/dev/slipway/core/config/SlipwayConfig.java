package dev.slipway.core.config;

import dev.slipway.api.InvalidConfigurationException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.internal.ConfigLoader;
import dev.slipway.core.internal.ConfigWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration, {@code slipway.yaml}, as immutable records. Each section that a file omits
 * gets its embedded default; a present {@code services} replaces the discovery of {@code services/*}.
 *
 * @param versioning the {@code versioning} section
 * @param services the {@code services} section, or empty to discover every directory {@code services/*}
 * @param environments the {@code environments} section, in promotion order
 * @param changes the {@code changes} section
 * @param changelog the {@code changelog} section
 * @param gitops the {@code gitops} section
 * @param registry the {@code registry} section
 * @param cd the {@code cd} section
 */
public record SlipwayConfig(Versioning versioning, Optional<List<ServiceConfig>> services,
        List<EnvironmentConfig> environments, Changes changes, Changelog changelog, GitOps gitops,
        RegistryConfig registry, CdConfig cd) {

    /** The configuration file's name at the repository root. */
    public static final String FILE_NAME = "slipway.yaml";

    /** The directory whose subdirectories are services when {@code services} is not configured. */
    public static final String SERVICES_DIRECTORY = "services";

    /**
     * Freezes the parts.
     */
    public SlipwayConfig {
        Objects.requireNonNull(versioning, "versioning");
        services = services.map(List::copyOf);
        environments = List.copyOf(environments);
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(changelog, "changelog");
        Objects.requireNonNull(gitops, "gitops");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(cd, "cd");
    }

    /**
     * The embedded default, used when a repository has no {@code slipway.yaml}: services discovered under
     * {@code services/}, {@code staging} fed by {@code main}, {@code production} fed by release tags and
     * promoted from staging.
     *
     * @return the default configuration
     */
    public static SlipwayConfig defaults() {
        return ConfigLoader.defaults();
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @return the configuration
     * @throws InvalidConfigurationException naming the file, line and column, what is wrong and the fix
     */
    public static SlipwayConfig load(Path file) {
        return ConfigLoader.load(file);
    }

    /**
     * Parses configuration text.
     *
     * @param yaml the YAML text
     * @param source the name errors give for it, such as a file name
     * @return the configuration
     * @throws InvalidConfigurationException naming the source, line and column, what is wrong and the fix
     */
    public static SlipwayConfig parse(String yaml, String source) {
        return ConfigLoader.parse(yaml, source);
    }

    /**
     * The JSON Schema (draft 2020-12) of {@value #FILE_NAME}, for editors and other tools: every key with
     * its description, type, default and examples, unknown keys refused, required keys, and the patterns and
     * enumerations the loader checks. It is also shipped as the resource {@code slipway.schema.json} next to
     * this class ({@code dev/slipway/core/config/slipway.schema.json} in the core jar); its {@code $id} is
     * {@code https://slipway.dev/schema/slipway.schema.json}.
     *
     * <p>The schema helps while editing; {@link #parse} and {@link #load} stay authoritative, and check what a
     * schema cannot express (that {@code promotion.from} and the keys of {@code services[].cd} name configured
     * environments, that names are unique, that globs are balanced).
     *
     * @return the schema as JSON text
     * @throws IllegalStateException if the resource is missing from the class path or cannot be read
     */
    public static String jsonSchema() {
        String resource = "slipway.schema.json";
        try (InputStream in = SlipwayConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + resource + " is missing next to "
                        + SlipwayConfig.class.getName() + "; the slipway-core jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + resource + " of slipway-core: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The configuration of a repository: its {@value #FILE_NAME} when present, else the embedded default.
     *
     * @param root the repository's root directory
     * @return the configuration
     * @throws InvalidConfigurationException if the file is invalid
     */
    public static SlipwayConfig forRepository(Path root) {
        Path file = root.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? load(file) : defaults();
    }

    /**
     * This configuration with the services filled in: unchanged when it lists services; otherwise every
     * directory {@code services/<name>} of the given tree (dot-directories ignored), sorted, each with
     * the default filters.
     *
     * @param root the tree to look in, usually the repository's working tree
     * @return the configuration with services
     * @throws InvalidConfigurationException if the services directory cannot be read
     */
    public SlipwayConfig withDiscoveredServices(Path root) {
        return services.isPresent() ? this : withDiscoveredServices(discoverServiceNames(root));
    }

    /**
     * This configuration with the services filled in from the names of the directories under
     * {@code services/}: unchanged when it lists services; otherwise one service per name (dot-directories
     * ignored), sorted, each with the default filters.
     *
     * @param directoryNames the names of the subdirectories of {@code services/}, from a tree or a commit
     * @return the configuration with services
     */
    public SlipwayConfig withDiscoveredServices(Collection<String> directoryNames) {
        if (services.isPresent()) {
            return this;
        }
        return withServices(directoryNames.stream().filter(name -> !name.startsWith(".")).sorted()
                .map(name -> ServiceConfig.of(ServiceId.of(SERVICES_DIRECTORY + "/" + name))).toList());
    }

    private static List<String> discoverServiceNames(Path root) {
        Path dir = root.resolve(SERVICES_DIRECTORY);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException(dir.toString(), 0, 0, dir.toString(),
                    "cannot list the services directory (" + e.getMessage() + "); check its permissions or list"
                            + " services in " + FILE_NAME);
        }
        return names;
    }

    /**
     * A copy with the given services.
     *
     * @param list the services
     * @return the copy
     */
    public SlipwayConfig withServices(List<ServiceConfig> list) {
        return new SlipwayConfig(versioning, Optional.of(list), environments, changes, changelog, gitops, registry, cd);
    }

    /**
     * The configured service with this path.
     *
     * @param id the service
     * @return the service's configuration, or empty when it is not listed
     */
    public Optional<ServiceConfig> service(ServiceId id) {
        Objects.requireNonNull(id, "id");
        return services.orElse(List.of()).stream().filter(s -> s.path().equals(id)).findFirst();
    }

    /**
     * The environment with this name.
     *
     * @param name the environment's name
     * @return the environment, or empty
     */
    public Optional<EnvironmentConfig> environment(String name) {
        Objects.requireNonNull(name, "name");
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The configuration as nested maps and lists with the file's kebab-case keys and every default
     * filled in, ready to print as YAML or JSON. Values are {@link String}, {@link Boolean}, {@link Integer}, {@link List}
     * and {@link Map} (insertion-ordered); absent optional values are left out.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        return ConfigWriter.tree(this);
    }

    /**
     * The configuration as {@code slipway.yaml} text, every default filled in; {@link #parse} reads it back
     * to an equal configuration.
     *
     * @return the YAML text
     */
    public String toYaml() {
        return ConfigWriter.yaml(this);
    }
}
