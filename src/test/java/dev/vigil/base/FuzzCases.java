package dev.vigil.base;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.vigil.base.RawHttp.Framing;
import dev.vigil.base.RawHttp.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Generates the bad requests for one endpoint from a seeded {@link Random}: the same seed, the same requests. */
final class FuzzCases {

    /** What a case must get back. */
    enum Expect {
        /** 4xx with an RFC 9457 problem body (naming the field when the case breaks one). */
        REFUSED,
        /** 413 with a problem body naming the limit. */
        TOO_LARGE,
        /** Refused by Tomcat while parsing the request head, before any filter runs: 400, Tomcat's own body. */
        TOMCAT,
        /** A request the endpoint may serve (junk it ignores, such as a body on a GET): anything but a 5xx. */
        NO_SERVER_ERROR
    }

    record Case(String name, Request request, Expect expect, String field) {
    }

    /** One endpoint as the fuzz sees it. */
    record Endpoint(String method, String pattern, boolean takesBody, boolean yaml, List<String> variables,
            Map<String, Boolean> params) {

        String key() {
            return method + " " + pattern;
        }
    }

    static final String JSON = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> BAD_PATH_VALUES = List.of("0", "-1", "99999999999999999999", "1.5", "%00",
            "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "%E2%82%AC%F0%9F%92%A5", "x".repeat(1500),
            "%27%3B%20DROP%20TABLE%20incident%3B--", "%7B%7D", "null", "%20", "%25", "a;b=c");
    /** Not "" (an empty value is a parameter not given) nor a page number like 100000000 (a valid, empty page). */
    private static final List<String> BAD_TYPED_VALUES = List.of("abc", "1e99", "-1", "99999999999999999999",
            "%00", "2026-13-45T99:99", "yesterday", "PT0.001S", "P-1D", "NaN", "%FF", "%zz", "%");
    private static final List<String> BAD_TEXT_VALUES = List.of("%00", "x".repeat(1500), "%FF%FE", "%0D%0AX-Injected:%201",
            "%zz", "k:", ":", "nocolon", "%27--");

    private final Random random;
    private final Endpoint endpoint;
    private final List<String[]> identity;
    private final String goodPath;
    private final String example;
    private final long limit;

    FuzzCases(long seed, Endpoint endpoint, List<String[]> identity, String goodPath, String example, long limit) {
        this.random = new Random(seed);
        this.endpoint = endpoint;
        this.identity = identity;
        this.goodPath = goodPath;
        this.example = example;
        this.limit = limit;
    }

    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(badPaths());
        cases.addAll(badQueries());
        cases.addAll(bodies());
        cases.addAll(headers());
        return cases;
    }

    /** The path with every variable replaced by a value that names nothing or is malformed. */
    private String badPath() {
        String path = endpoint.pattern();
        for (String variable : endpoint.variables()) {
            path = path.replace("{" + variable + "}", pick(BAD_PATH_VALUES));
        }
        return path;
    }

    private List<Case> badPaths() {
        List<Case> cases = new ArrayList<>();
        if (endpoint.variables().isEmpty()) {
            return cases;
        }
        for (int i = 0; i < 4; i++) {
            String path = badPath();
            cases.add(new Case("bad path " + abbreviate(path), request(path, bodyType(), bodyOrNone()), Expect.REFUSED, null));
        }
        return cases;
    }

    private List<Case> badQueries() {
        List<Case> cases = new ArrayList<>();
        String path = baseTarget();
        for (Map.Entry<String, Boolean> param : endpoint.params().entrySet()) {
            for (int i = 0; i < 3; i++) {
                String value = pick(param.getValue() ? BAD_TYPED_VALUES : BAD_TEXT_VALUES);
                String target = path + (path.contains("?") ? "&" : "?") + param.getKey() + "=" + value;
                // A typed parameter (number, time, period) must refuse junk; free text (a service name) may match nothing.
                Expect expect = param.getValue() || baseIsBad() ? Expect.REFUSED : Expect.NO_SERVER_ERROR;
                cases.add(new Case("query " + param.getKey() + "=" + abbreviate(value), request(target, bodyType(),
                        bodyOrNone()), expect, null));
            }
        }
        return cases;
    }

    private List<Case> bodies() {
        List<Case> cases = new ArrayList<>();
        Expect expect = endpoint.takesBody() || baseIsBad() ? Expect.REFUSED : Expect.NO_SERVER_ERROR;
        String target = baseTarget();
        String mediaType = endpoint.yaml() ? "application/yaml" : JSON;
        cases.add(new Case("no body", request(target, List.of(), null), expect, null));
        cases.add(new Case("empty body", request(target, contentType(mediaType), new byte[0]), expect, null));
        for (String literal : List.of("null", "[]", "\"text\"", "42", "true", "[{}]")) {
            cases.add(new Case("body " + literal, request(target, contentType(JSON), bytes(literal)), expect, null));
        }
        String valid = example != null ? example : "{\"name\": \"fuzz\", \"value\": 1}";
        int cut = 1 + random.nextInt(valid.length() - 2);
        cases.add(new Case("truncated at " + cut, request(target, contentType(JSON), bytes(valid.substring(0, cut))),
                expect, null));
        int depth = 10_000 + random.nextInt(90_001);
        cases.add(new Case("arrays nested " + depth + " deep", request(target, contentType(JSON),
                bytes("[".repeat(depth) + "]".repeat(depth))), expect, null));
        int objects = 10_000 + random.nextInt(40_001);
        cases.add(new Case("objects nested " + objects + " deep", request(target, contentType(JSON),
                bytes("{\"a\":".repeat(objects) + "1" + "}".repeat(objects))), expect, null));
        for (byte[] invalid : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80})) {
            // Not C0 AF (an overlong '/'): Jackson decodes overlong forms leniently, see fuzz.md.
            cases.add(new Case("invalid UTF-8 " + hex(invalid), request(target, contentType(JSON),
                    withInvalidUtf8(valid, invalid)), expect, null));
        }
        byte[] validBytes = bytes(valid);
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data",
                "application/x-www-form-urlencoded", "application/json; charset=nonsense-42",
                "application/json; charset=", "application/*", "*/*", "json")) {
            // Not charset=UTF-16 on this UTF-8 body: Jackson detects the encoding from the bytes and reads it.
            if (endpoint.yaml() && type.equals("text/plain")) {
                continue; // text/plain is one of the import's own media types
            }
            cases.add(new Case("Content-Type: " + type, request(target, contentType(type), validBytes), expect, null));
        }
        cases.add(new Case("no Content-Type", request(target, List.of(), validBytes), expect, null));
        for (String accept : List.of("application/xml", "image/png", "text/csv;q=0", "*/*;q=abc")) {
            cases.add(new Case("Accept: " + accept + " on a bad body", request(target,
                    List.of(new String[] {"Content-Type", JSON}, new String[] {"Accept", accept}), bytes("[")),
                    expect, null));
        }
        if (endpoint.yaml()) {
            cases.addAll(yaml(target));
        }
        if (example != null) {
            cases.addAll(wrongTypes(target));
        }
        cases.add(new Case("declared length over the limit", new Request(endpoint.method(), target,
                join(identity, List.of(new String[] {"Content-Type", mediaType},
                        new String[] {"Content-Length", Long.toString(limit + 1)})), new byte[0], Framing.HEAD_ONLY),
                // Without a body the target is a bad path, which Tomcat may refuse (400) before the limit is seen.
                endpoint.takesBody() ? Expect.TOO_LARGE : Expect.REFUSED, null));
        byte[] padded = new byte[(int) limit + 1];
        java.util.Arrays.fill(padded, (byte) ' ');
        System.arraycopy(validBytes, 0, padded, 0, Math.min(validBytes.length, padded.length));
        cases.add(new Case("streamed body over the limit", new Request(endpoint.method(), target,
                join(identity, contentType(mediaType)), padded, Framing.CHUNKED),
                // An endpoint that takes no body never reads it, so never counts it: it answers as it would anyway.
                endpoint.takesBody() ? Expect.TOO_LARGE : expect, null));
        return cases;
    }

    private List<Case> yaml(String target) {
        List<Case> cases = new ArrayList<>();
        List<String> documents = List.of("rules: 5", "rules: [", "- - - - -", "rules:\n  - name: [unclosed",
                "rules: " + "[".repeat(20_000), "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                        + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                        + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                        + "rules: [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
                "rules:\n  - !!java.lang.Runtime {}", "\t\trules:\n\t- x", "rules:\n  - name: x\n    name: y");
        for (String document : documents) {
            cases.add(new Case("YAML " + abbreviate(document.replace('\n', ' ')), request(target,
                    contentType("application/yaml"), bytes(document)), Expect.REFUSED, null));
        }
        return cases;
    }

    /** The example with one field at a time given a value of another JSON type. */
    private List<Case> wrongTypes(String target) {
        List<Case> cases = new ArrayList<>();
        JsonNode root = MAPPER.readTree(example);
        List<String> pointers = new ArrayList<>();
        collect(root, "", pointers);
        for (String pointer : pointers) {
            JsonNode original = root.at(pointer);
            List<JsonNode> wrong = wrongValuesFor(original);
            for (int i = 0; i < 2 && !wrong.isEmpty(); i++) {
                JsonNode value = wrong.remove(random.nextInt(wrong.size()));
                JsonNode mutated = root.deepCopy();
                replace(mutated, pointer, value);
                cases.add(new Case(pointer + " = " + abbreviate(value.toString()), request(target, contentType(JSON),
                        bytes(mutated.toString())), Expect.REFUSED, fieldName(pointer)));
            }
        }
        return cases;
    }

    private static void collect(JsonNode node, String at, List<String> pointers) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String pointer = at + "/" + field.getKey();
                pointers.add(pointer);
                collect(field.getValue(), pointer, pointers);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            pointers.add(at + "/0");
            collect(node.get(0), at + "/0", pointers);
        }
    }

    private static List<JsonNode> wrongValuesFor(JsonNode original) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> all = new ArrayList<>(List.of(f.stringNode("fuzz"), f.numberNode(7), f.booleanNode(true),
                f.objectNode().put("fuzz", 1), f.arrayNode().add("fuzz")));
        all.removeIf(v -> v.getNodeType() == original.getNodeType()
                // A number where a string is expected may be a fine id or name ("7"); it is not a wrong type then.
                || (original.isString() && v.isNumber()));
        return all;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    /** The last segment of a pointer that is a name, which a problem body about it must mention. */
    private static String fieldName(String pointer) {
        String[] segments = pointer.split("/");
        for (int i = segments.length - 1; i > 0; i--) {
            if (!segments[i].chars().allMatch(Character::isDigit)) {
                return segments[i];
            }
        }
        return null;
    }

    private List<Case> headers() {
        List<Case> cases = new ArrayList<>();
        String target = baseTarget();
        byte[] body = endpoint.takesBody() ? bytes("[") : null;
        Expect refused = endpoint.takesBody() || baseIsBad() ? Expect.REFUSED : Expect.NO_SERVER_ERROR;
        List<String[]> type = body == null ? List.of() : contentType(JSON);
        cases.add(new Case("header of 7 KB", request(target, join(type, header("X-Fuzz", letters(7 * 1024))), body),
                refused, null));
        cases.add(new Case("header of 20 KB", request(target, join(type, header("X-Fuzz", letters(20 * 1024))), body),
                Expect.TOMCAT, null));
        cases.add(new Case("control character in a header", request(target, join(type,
                header("X-Fuzz", "a\u0001b\u007fc")), body), Expect.TOMCAT, null));
        cases.add(new Case("two different Content-Lengths", new Request(endpoint.method(), target, join(identity,
                join(type, List.of(new String[] {"Content-Length", "1"}, new String[] {"Content-Length", "2"}))),
                bytes("[]"), Framing.LENGTH), Expect.TOMCAT, null));
        cases.add(new Case("Content-Length not a number", new Request(endpoint.method(), target, join(identity,
                join(type, header("Content-Length", "12abc"))), bytes("[]"), Framing.LENGTH), Expect.TOMCAT, null));
        cases.add(new Case("second Host header", request(target, join(type, header("Host", "evil.example")), body),
                Expect.TOMCAT, null));
        cases.add(new Case("space in the request target", new Request(endpoint.method(), target + "/a b", identity,
                null, Framing.LENGTH), Expect.TOMCAT, null));
        cases.add(new Case("absurd Content-Type", request(target, header("Content-Type",
                JSON + ";" + "x=y;".repeat(1000)), body), refused, null));
        cases.add(new Case("garbage Accept-Language", request(target, join(type, header("Accept-Language",
                "xx-;q=zz, ,;;q=-1")), body), refused, null));
        // The credential headers below replace the endpoint's own: each request must be refused (401) or bad (4xx).
        String hugeToken = "Bearer " + letters(6000);
        cases.add(new Case("huge Authorization", new Request(endpoint.method(), target,
                join(type, header("Authorization", hugeToken)), body, Framing.LENGTH), Expect.REFUSED, null));
        cases.add(new Case("Authorization with non-ASCII bytes", new Request(endpoint.method(), target,
                join(type, header("Authorization", "Bearer vgl_\u00e9\u00ff\u00fe")), body, Framing.LENGTH),
                Expect.REFUSED, null));
        cases.add(new Case("Authorization over the header limit", new Request(endpoint.method(), target,
                join(type, header("Authorization", "Bearer " + letters(20_000))), body, Framing.LENGTH),
                Expect.TOMCAT, null));
        return cases;
    }

    /** Endpoints that are public (intakes, one-tap links) answer 2xx or 4xx to anything else; the rest 401. */
    private boolean baseIsBad() {
        return !endpoint.variables().isEmpty() && !endpoint.takesBody();
    }

    /** Body endpoints get their good path (fixtures) so the body is what is wrong; the rest a bad path. */
    private String baseTarget() {
        return endpoint.takesBody() && goodPath != null ? goodPath : badPath();
    }

    private Request request(String target, List<String[]> headers, byte[] body) {
        return new Request(endpoint.method(), target, join(identity, headers), body, Framing.LENGTH);
    }

    private static List<String[]> contentType(String type) {
        return header("Content-Type", type);
    }

    private static List<String[]> header(String name, String value) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {name, value});
        return headers;
    }

    private static List<String[]> join(List<String[]> a, List<String[]> b) {
        List<String[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A body endpoint gets a wrong but readable body with cases about something else; the rest get none. */
    private byte[] bodyOrNone() {
        return endpoint.takesBody() ? bytes("[]") : null;
    }

    private List<String[]> bodyType() {
        return endpoint.takesBody() ? contentType(JSON) : List.of();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The body with invalid UTF-8 bytes inside its first string value. */
    private static byte[] withInvalidUtf8(String json, byte[] invalid) {
        int quote = json.indexOf(":") < 0 ? -1 : json.indexOf('"', json.indexOf(':'));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (quote < 0) {
            out.writeBytes(bytes("{\"a\": \""));
            out.writeBytes(invalid);
            out.writeBytes(bytes("\"}"));
        } else {
            out.writeBytes(bytes(json.substring(0, quote + 1)));
            out.writeBytes(invalid);
            out.writeBytes(bytes(json.substring(quote + 1)));
        }
        return out.toByteArray();
    }

    private String letters(int n) {
        StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b));
        }
        return text.toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
