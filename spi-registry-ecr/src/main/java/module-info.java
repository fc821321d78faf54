/**
 * The registry backend on Amazon ECR (id {@code registry-ecr}). Its provider arrives with the registry issue.
 */
module dev.slipway.registry.ecr {
    requires dev.slipway.api;
}
