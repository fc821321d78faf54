/**
 * Slipway's technology compatibility kit: the contract suites every backend passes, and jqwik
 * arbitraries for the api value types ({@link dev.slipway.tck.SlipwayArbitraries}) that hosts' and
 * adapters' property suites reuse.
 */
package dev.slipway.tck;
