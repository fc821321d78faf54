package dev.slipway.spi;

/**
 * What every backend provider has in common: a stable identifier by which configuration selects it.
 *
 * <p>Rules every provider follows:
 * <ol>
 *   <li>{@code BACKEND-1}: {@link #id()} is constant for the provider class, non-blank, and matches
 *       {@code [a-z][a-z0-9-]*} (for example {@code git-jgit}, {@code registry-ecr}, {@code cd-argocd}).</li>
 *   <li>{@code BACKEND-2}: two providers of one SPI never share an id; Slipway reports a duplicate as
 *       an error naming both classes instead of picking one by class path order.</li>
 *   <li>{@code BACKEND-3}: a provider has a public no-arg constructor that does no I/O; connecting,
 *       reading credentials and the like happen on first use.</li>
 * </ol>
 */
public interface Backend {

    /**
     * The provider's stable identifier, as named in {@code slipway.yaml} or on the command line.
     *
     * @return the identifier, for example {@code git-jgit}
     */
    String id();
}
