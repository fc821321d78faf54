/**
 * Implementation of the core; not exported.
 */
package dev.slipway.core.internal;
