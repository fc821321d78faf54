/**
 * The implementation of the OCI registry backend: the distribution API client, its authentication
 * (Basic and the Bearer token challenge), docker's {@code config.json}, and a small JSON reader. Not exported.
 */
package dev.slipway.registry.oci.internal;
