package io.referrals.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every overlay of deploy/kubernetes rendered by {@code kubectl kustomize} (kustomize v5), as an operator would apply
 * it: in a copy of the tree, with the required inputs filled from their committed {@code .example} files. Rendered
 * once per test run.
 */
final class Rendered {
    static final Path REPOSITORY = Path.of(System.getProperty("repository.root", "../.."))
            .toAbsolutePath()
            .normalize();
    static final Path KUBERNETES = REPOSITORY.resolve("deploy/kubernetes");
    static final List<String> OVERLAYS = List.of("small", "production");
    static final List<String> SERVICES =
            List.of("partner-service", "referral-service", "metrics-service", "notification-service");
    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, List<ObjectNode>> rendered;

    private Rendered() {}

    /** The objects of each overlay, by overlay name. */
    static synchronized Map<String, List<ObjectNode>> overlays() {
        if (rendered == null) {
            rendered = render();
        }
        return rendered;
    }

    static List<ObjectNode> objects(String overlay) {
        return overlays().get(overlay);
    }

    static List<ObjectNode> ofKind(String overlay, String kind) {
        return objects(overlay).stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    static ObjectNode named(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static Map<String, List<ObjectNode>> render() {
        try {
            Path copy = Files.createTempDirectory("kubernetes-checks");
            copyTree(KUBERNETES, copy);
            for (String overlay : OVERLAYS) {
                Path dir = copy.resolve(overlay);
                Files.copy(
                        copy.resolve("site.env.example"), dir.resolve("site.env"), StandardCopyOption.REPLACE_EXISTING);
                try (Stream<Path> examples = Files.list(dir)) {
                    for (Path example : examples.filter(p -> p.toString().endsWith(".env.example"))
                            .toList()) {
                        String file = example.getFileName().toString();
                        Files.copy(
                                example,
                                dir.resolve(file.substring(0, file.length() - ".example".length())),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Map<String, List<ObjectNode>> result = new LinkedHashMap<>();
            for (String overlay : OVERLAYS) {
                result.put(overlay, parse(kustomize(copy.resolve(overlay))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    /** kubectl's built-in kustomize (v5), or a kustomize binary; the checks cannot run without one. */
    static String kustomize(Path dir) {
        List<List<String>> candidates =
                List.of(List.of("kubectl", "kustomize", dir.toString()), List.of("kustomize", "build", dir.toString()));
        String failures = "";
        for (List<String> command : candidates) {
            try {
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(false).start();
                byte[] out = process.getInputStream().readAllBytes();
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish in 120 s");
                }
                if (process.exitValue() == 0) {
                    return new String(out, StandardCharsets.UTF_8);
                }
                failures += command + " failed (" + process.exitValue() + "): " + err + "\n";
            } catch (IOException notInstalled) {
                failures += command.get(0) + " not found\n";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(
                "Could not render " + dir + " (install kubectl, whose kustomize is v5, or kustomize v5;"
                        + " .ci/run installs kubernetes-client where neither is found):\n" + failures);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!isLocalInput(source)) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** An operator's own filled-in inputs (git-ignored) never take part: the checks use the committed examples. */
    private static boolean isLocalInput(Path file) {
        return file.getFileName().toString().endsWith(".env")
                && !file.getParent().getFileName().toString().equals("platform");
    }
}
