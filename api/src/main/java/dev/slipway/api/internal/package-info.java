/**
 * Helpers of the api's value types; not exported.
 */
package dev.slipway.api.internal;
