package dev.slipway.spi;

/**
 * A way to reach image registries. Providers are found with {@link java.util.ServiceLoader} and act only
 * when named ({@code registry.backend} in {@code slipway.yaml}) or handed to
 * {@code Slipway.builder().registry(...)}; a provider on the class path never activates itself. The
 * first-party providers are {@code registry-oci} (any registry that speaks the OCI distribution API) and
 * {@code registry-ecr} (Amazon ECR's API); {@code dev.slipway.core.memory.InMemoryRegistry} is the
 * reference implementation for demos and tests.
 *
 * <p>A provider instance found by discovery has defaults only; a host that needs more (credentials of its
 * own, an SDK client, a retry policy) builds the adapter in code and hands the instance in. Either way
 * Slipway {@linkplain #open opens} it with the configured {@link RegistrySettings}.
 *
 * <p>Rules every backend follows (the {@code tck} module's {@code RegistryBackendContract} checks them;
 * the rules of the operations, {@code REG-2} to {@code REG-14}, are on {@link ImageRegistry}):
 * <ol>
 *   <li>{@code REG-1}: {@link #open} does no network I/O; connecting and reading credentials happen on
 *       first use. A setting that is malformed for this backend (a URL that is not http or https, an
 *       unknown credentials source) is an {@link dev.slipway.api.InvalidInputException} naming the setting;
 *       settings that do not apply to it are ignored.</li>
 * </ol>
 */
public interface RegistryBackend extends Backend {

    /**
     * Opens the backend with settings.
     *
     * @param settings the settings (the {@code registry:} section), {@link RegistrySettings#NONE} for defaults
     * @return the registry; close it when done
     * @throws dev.slipway.api.InvalidInputException if a setting is malformed for this backend
     */
    ImageRegistry open(RegistrySettings settings);
}
