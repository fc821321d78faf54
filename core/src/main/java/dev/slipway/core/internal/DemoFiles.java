package dev.slipway.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of the demo's monorepo, shaped like the reference kit: two services under {@code services/}, Helm
 * values per environment under {@code kubernetes/} with marker comments, and a {@code slipway.yaml}.
 */
final class DemoFiles {

    static final String CONFIG = """
            # The demo's configuration: two services of the kit, staging fed by main, production by release tags
            # and promoted from staging. The demo hands Slipway an in-memory registry and Argo CD.
            services:
              - path: services/go-backend
                image: ghcr.io/acme/go-backend
                cd: { staging: go-backend-helm, production: go-backend-helm-prod }
              - path: services/web
                image: ghcr.io/acme/web
                cd: { staging: web-helm, production: web-helm-prod }
            environments:
              - name: staging
                from: branch main
              - name: production
                from: release-tag
                promotion:
                  from: staging
                  rules: [release-version, verified-in-source, healthy-in-source, image-exists, no-downgrade]
            gitops:
              files: ["kubernetes/**/*.yaml"]
            changelog:
              repository-url: https://github.com/acme/platform
            """;

    private DemoFiles() {
    }

    /** The scaffold of the monorepo: every file of its first commit. */
    static Map<String, byte[]> scaffold() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.md", bytes("""
                # platform

                A monorepo shaped like the reference kit, made by `slipway demo`: services under `services/`, their
                Helm values under `kubernetes/`, and the versions the environments run at marker comments such as
                `# staging_services/go-backend`.
                """));
        files.put("slipway.yaml", bytes(CONFIG));
        files.put("services/go-backend/go.mod", bytes("""
                module github.com/acme/platform/services/go-backend

                go 1.22
                """));
        files.put("services/go-backend/cmd/main.go", bytes(goMain("")));
        files.put("services/web/package.json", bytes("""
                {
                  "name": "web",
                  "private": true,
                  "scripts": { "start": "node src/index.js" }
                }
                """));
        files.put("services/web/src/index.js", bytes(webIndex("Hello from the platform")));
        for (String env : new String[] {"staging", "production"}) {
            files.put(values("go-backend", env), bytes(helmValues("go-backend", env, "0.0.0", env.equals("production") ? 3 : 1)));
            files.put(values("web", env), bytes(helmValues("web", env, "0.0.0", env.equals("production") ? 2 : 1)));
        }
        return files;
    }

    /** The values file of a service's chart in an environment. */
    static String values(String service, String environment) {
        return "kubernetes/src/services/" + service + "-helm/values." + environment + ".yaml";
    }

    static String goMain(String extraRoute) {
        return """
                package main

                import (
                \t"fmt"
                \t"net/http"
                )

                func main() {
                \thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
                \t\tfmt.Fprintln(w, "go-backend")
                \t})
                %s\thttp.ListenAndServe(":8080", nil)
                }
                """.formatted(extraRoute);
    }

    static String healthRoute() {
        return """
                \thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
                \t\tw.WriteHeader(http.StatusOK)
                \t})
                """;
    }

    static String webIndex(String greeting) {
        return """
                const http = require("http");

                const version = process.env.VERSION || "dev";

                http.createServer((req, res) => {
                  res.end(`%s (web ${version})\\n`);
                }).listen(3000);
                """.formatted(greeting);
    }

    private static String helmValues(String service, String environment, String version, int replicas) {
        // the kit's layout: the image version at a marker comment, everything else left alone by Slipway
        return """
                # %s on the %s cluster; rendered by the kit's render-all task
                replicaCount: %d

                image:
                  repository: ghcr.io/acme/%s
                  version: %s # %s_services/%s
                  pullPolicy: IfNotPresent

                resources:
                  requests:
                    memory: "128Mi"
                    cpu: "100m"
                """.formatted(service, environment, replicas, service, version, environment, service);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
