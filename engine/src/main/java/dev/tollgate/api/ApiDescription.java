package dev.tollgate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI document (openapi.yaml on the class path), served as written and as JSON. */
final class ApiDescription {
    private final byte[] yaml;
    private final byte[] json;

    private ApiDescription(byte[] yaml, byte[] json) {
        this.yaml = yaml;
        this.json = json;
    }

    static ApiDescription load() {
        try (InputStream in = ApiDescription.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /openapi.yaml");
            }
            byte[] yaml = in.readAllBytes();
            byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new YAMLMapper().readTree(yaml));
            return new ApiDescription(yaml, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void yaml(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
        res.send(yaml);
    }

    void json(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json);
    }

    /** YAML, or JSON for a client that accepts JSON and not YAML. */
    void negotiated(ServerRequest req, ServerResponse res) {
        String accept = req.headers().value(HeaderNames.ACCEPT).orElse("");
        if (accept.contains("application/json") && !accept.contains("yaml")) {
            json(req, res);
        } else {
            yaml(req, res);
        }
    }
}
