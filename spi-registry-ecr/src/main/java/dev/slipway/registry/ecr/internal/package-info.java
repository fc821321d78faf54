/**
 * The implementation of the ECR backend: the SDK client factory, ECR hosts, and the registry client. Not exported.
 */
package dev.slipway.registry.ecr.internal;
