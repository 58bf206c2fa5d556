package dev.orrery.center.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Mutates valid {@code POST /cmd} bodies, as text, as bytes and as trees, one to three times. */
final class JsonMutator {
    static final List<String> VALID = List.of(
            "{\"targets\":{\"hosts\":[\"web-1\"],\"groups\":[\"demo\"]},\"command\":\"uname -a\",\"timeoutSeconds\":20}",
            "{\"targets\":{\"hosts\":[\"db-1\"]},\"command\":\"id\",\"runAs\":\"nobody\",\"cwd\":\"/tmp\",\"env\":{\"A\":\"1\",\"B_2\":\"x\"}}",
            "{\"targets\":{\"groups\":[\"demo\"]},\"command\":\"echo \\\"h\u00e9llo \u2713\\\"\"}");
    private static final String INSERTS = "{}[]\",:\\ 0-1.eE9tfnul\u0000\u001f\u00e9\u2713\ud83d\ude00";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    JsonMutator(Random random) {
        this.random = random;
    }

    /** Valid bodies of the other endpoints that take one, by method and path. */
    static final java.util.Map<String, List<String>> OTHERS = java.util.Map.of(
            "POST /api/v1/store", List.of("{\"targets\":{\"hosts\":[\"web-1\"]},\"content\":\"echo hi\\n\",\"interpreter\":\"/bin/sh\","
                    + "\"args\":[\"a\",\"b c\"],\"timeoutSeconds\":20,\"dataTopic\":\"app.lines\"}"),
            "POST /api/v1/action", List.of("{\"targets\":{\"groups\":[\"demo\"]},\"action\":{\"and\":[{\"cmd\":{\"command\":\"true\"}},"
                    + "{\"or\":[{\"not\":{\"cmd\":{\"command\":\"false\"}}},{\"store\":{\"content\":\"echo x\"}}]}]},\"timeoutSeconds\":30}"),
            "POST /api/v1/host-accounts", List.of("{\"targets\":{\"hosts\":[\"web-1\"]},\"user\":\"alice\",\"sshPublicKey\":"
                    + "\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@x\",\"sudo\":true,\"kind\":\"personal\"}"),
            "POST /api/v1/cron", List.of("{\"targets\":{\"hosts\":[\"web-1\"]},\"schedule\":\"*/10 * * * * *\",\"timezone\":\"UTC\","
                    + "\"spread\":true,\"command\":\"date\"}"),
            "POST /api/v1/market/subscriptions", List.of("{\"group\":\"demo\",\"plugin\":\"disk-usage\",\"version\":\"1.0.0\","
                    + "\"batchSize\":5,\"maxFailures\":1}"),
            "POST /api/v1/plugin", List.of("{\"targets\":{\"hosts\":[\"web-1\"]},\"plugin\":\"disk-usage\",\"version\":\"2.0.0\","
                    + "\"args\":[\"-h\",\"/\"],\"timeoutSeconds\":30,\"dataTopic\":\"disk.report\",\"runAs\":\"nobody\"}"),
            "PUT /api/v1/hosts/web-1", List.of("{\"owner\":\"team-a\",\"groups\":[\"demo\"],\"labels\":{\"rack\":\"r2\"},"
                    + "\"expectedSn\":\"SN1\",\"expectedIp\":\"10.0.0.1\"}"));

    /** Valid {@code POST /accounts} bodies. */
    static final List<String> ACCOUNTS = List.of(
            "{\"name\":\"ops\",\"role\":\"operator\",\"groups\":[\"demo\"],\"taskTypes\":[\"cmd\"],\"commandMapping\":false}",
            "{\"name\":\"viewer-1\",\"role\":\"viewer\"}");

    byte[] mutate() throws Exception {
        return mutate(VALID);
    }

    byte[] mutate(List<String> templates) throws Exception {
        byte[] body = templates.get(random.nextInt(templates.size())).getBytes(StandardCharsets.UTF_8);
        for (int n = random.nextInt(3); n >= 0; n--) {
            body = once(body);
        }
        return body;
    }

    private byte[] once(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        switch (random.nextInt(9)) {
            case 0:
                return text.substring(0, random.nextInt(text.length() + 1)).getBytes(StandardCharsets.UTF_8);
            case 1: {
                int at = random.nextInt(text.length() + 1);
                String c = String.valueOf(INSERTS.charAt(random.nextInt(INSERTS.length())));
                return (text.substring(0, at) + c + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 2: {
                byte[] copy = body.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 3:
                // a duplicate key
                return text.replaceFirst("\\{", "{\"command\":\"x\",").getBytes(StandardCharsets.UTF_8);
            case 4: {
                if (text.isEmpty()) {
                    return body;
                }
                int at = random.nextInt(text.length());
                return (text.substring(0, at) + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
            }
            default:
                return tree(body);
        }
    }

    /** Parses (if still JSON), replaces one value somewhere, writes back. */
    private byte[] tree(byte[] body) throws Exception {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            return body;
        }
        if (!(root instanceof ContainerNode<?>)) {
            return body;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        JsonNode value = replacement();
        if (parent instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(5) == 0 ? "extra" + random.nextInt(3) : names.get(random.nextInt(names.size()));
            o.set(name, value);
        } else {
            ArrayNode a = (ArrayNode) parent;
            if (a.isEmpty() || random.nextBoolean()) {
                a.add(value);
            } else {
                a.set(random.nextInt(a.size()), value);
            }
        }
        return Json.MAPPER.writeValueAsBytes(root);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    private JsonNode replacement() {
        switch (random.nextInt(11)) {
            case 0: return NODES.nullNode();
            case 1: return NODES.booleanNode(random.nextBoolean());
            case 2: return NODES.numberNode(random.nextLong());
            case 3: return NODES.numberNode(new java.math.BigInteger(random.nextInt(400) + 1, random));
            case 4: return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 5: return NODES.textNode(unicode());
            case 6: {
                JsonNode deep = NODES.textNode("x");
                for (int n = 1 + random.nextInt(60); n > 0; n--) {
                    deep = random.nextBoolean() ? NODES.arrayNode().add(deep) : NODES.objectNode().set("k", deep);
                }
                return deep;
            }
            case 7: return NODES.arrayNode().add("web-1").add("db-1").add("nowhere");
            case 8: return NODES.objectNode().put("hosts", "web-1");
            case 9: return NODES.textNode("x".repeat(random.nextInt(70_000)));
            default: return NODES.textNode(random.nextBoolean() ? "web-1" : "demo");
        }
    }

    private String unicode() {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(20); n > 0; n--) {
            int kind = random.nextInt(4);
            s.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? (char) (0xd800 + random.nextInt(0x800))
                    : kind == 2 ? (char) random.nextInt(0x10000) : 'a');
        }
        return s.toString();
    }
}
