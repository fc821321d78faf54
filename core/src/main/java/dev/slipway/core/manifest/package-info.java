/**
 * Byte-exact manifest edits: finding marker comments ({@code # staging_services/go-backend}) in a tree of
 * YAML files ({@link dev.slipway.core.manifest.MarkerIndex}), setting the value on a marker line
 * ({@link dev.slipway.core.manifest.MarkerEdits}), setting an image in a kustomization
 * ({@link dev.slipway.core.manifest.Kustomization}), and writing files atomically
 * ({@link dev.slipway.core.manifest.AtomicFiles}).
 *
 * <p>Edits are pure functions from bytes to bytes: only the bytes of the edited values change, and every
 * edit is verified by parsing the result again before it is returned.
 */
package dev.slipway.core.manifest;
