/**
 * The contract kit of {@link dev.slipway.spi.CdBackend}: {@link dev.slipway.tck.cd.CdBackendContract}, and
 * the scripted world ({@link dev.slipway.tck.cd.CdWorld}) a backend's test supplies to it.
 */
package dev.slipway.tck.cd;
