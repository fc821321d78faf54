/**
 * Host-facing value types and exceptions. Every type here is immutable, validates its input on
 * construction and never mentions an SPI type.
 */
package dev.slipway.api;
