package dev.slipway.core.internal;

import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.Backend;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Finds backend providers with {@link ServiceLoader}: a broken provider is reported and skipped,
 * duplicate ids are an error naming both classes, and selection never depends on class path order.
 */
public final class BackendDiscovery {

    private static final System.Logger LOG = System.getLogger(BackendDiscovery.class.getName());

    private BackendDiscovery() {
    }

    /** What discovery found: the providers by id, and the providers that could not be loaded. */
    public record Inventory<T extends Backend>(Class<T> spi, Map<String, T> providers, List<String> broken) {

        /**
         * Freezes the parts.
         */
        public Inventory {
            providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providers));
            broken = List.copyOf(broken);
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            if (providers.isEmpty()) {
                sb.append("none");
            } else {
                providers.forEach((id, p) -> sb.append(sb.length() == 0 ? "" : ", ").append(id).append(" (")
                        .append(p.getClass().getName()).append(')'));
            }
            if (!broken.isEmpty()) {
                sb.append("; could not load: ").append(String.join("; ", broken));
            }
            return sb.toString();
        }
    }

    /**
     * Every provider of an SPI that loads.
     *
     * @param spi the SPI
     * @param loader supplies the service loader (the module's own or a class loader's)
     * @param <T> the SPI type
     * @return the inventory
     * @throws InvalidInputException if two providers share an id
     */
    public static <T extends Backend> Inventory<T> inventory(Class<T> spi, Supplier<ServiceLoader<T>> loader) {
        Map<String, T> providers = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        Iterator<T> it = loader.get().iterator();
        while (true) {
            T provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                String why = e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
                LOG.log(Level.WARNING, "skipping a " + spi.getSimpleName() + " provider that cannot be loaded: " + why);
                broken.add(why);
                continue;
            }
            String id;
            try {
                id = provider.id();
            } catch (RuntimeException e) {
                broken.add(provider.getClass().getName() + ": id() failed (" + e + ")");
                continue;
            }
            T previous = providers.putIfAbsent(id, provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new InvalidInputException(id, "two " + spi.getSimpleName()
                        + " providers share the id '" + id + "': " + previous.getClass().getName() + " and "
                        + provider.getClass().getName() + "; remove one of their jars from the class path");
            }
        }
        return new Inventory<>(spi, providers, broken);
    }

    /**
     * Selects a provider: the one with the given id, else (when {@code single} allows) the only one
     * present.
     *
     * @param inventory what discovery found
     * @param id the id asked for, if any
     * @param single whether to take the single provider present when no id is asked for
     * @param artifact the artifact that brings the first-party provider, for the error message
     * @param <T> the SPI type
     * @return the provider, or empty when none is asked for and {@code single} is false
     * @throws InvalidInputException when the id is unknown, or none or several are present
     */
    public static <T extends Backend> Optional<T> select(Inventory<T> inventory, Optional<String> id, boolean single,
            String artifact) {
        String spi = inventory.spi().getSimpleName();
        if (id.isPresent()) {
            T provider = inventory.providers().get(id.get());
            if (provider == null) {
                throw new InvalidInputException(id.get(), "no " + spi + " with the id '" + id.get()
                        + "' is on the class path (found: " + inventory.describe() + "); add " + artifact
                        + " or name one of those found");
            }
            return Optional.of(provider);
        }
        if (!single) {
            return Optional.empty();
        }
        if (inventory.providers().size() == 1) {
            return Optional.of(inventory.providers().values().iterator().next());
        }
        if (inventory.providers().isEmpty()) {
            throw new InvalidInputException(spi, "no " + spi + " provider is on the class path (found: "
                    + inventory.describe() + "); add " + artifact + ", or hand an instance to Slipway.builder()");
        }
        throw new InvalidInputException(spi, "several " + spi + " providers are on the class path ("
                + inventory.describe() + "); name one in slipway.yaml or hand an instance to Slipway.builder()");
    }

    /**
     * The Maven artifact that brings a first-party provider, for "not found" messages.
     *
     * @param id the provider id, such as {@code registry-ecr}
     * @return {@code dev.slipway:slipway-spi-<id>} for a first-party id, else a description
     */
    public static String artifact(String id) {
        return switch (id) {
            case "git-jgit", "registry-ecr", "registry-oci", "cd-argocd" -> "dev.slipway:slipway-spi-" + id;
            default -> "the jar of the adapter with the id '" + id + "'";
        };
    }
}
