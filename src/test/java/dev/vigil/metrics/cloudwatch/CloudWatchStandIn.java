package dev.vigil.metrics.cloudwatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * A local stand-in for CloudWatch's {@code GetMetricData}, speaking the wire protocol the AWS SDK uses
 * for it: Smithy RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/operation/GetMetricData},
 * header {@code smithy-protocol: rpc-v2-cbor}, CBOR bodies, timestamps as CBOR tag 1 epoch seconds).
 * It answers the datapoints it was given that fall in the asked window, in pages of a chosen size joined
 * by {@code NextToken}, records every request, and can be told to fail like the real service.
 */
final class CloudWatchStandIn implements AutoCloseable {

    static final String PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final CBORMapper CBOR = CBORMapper.builder().build();
    private static final int CBOR_TAG_EPOCH = 1;

    /** One CloudWatch series: what a {@code MetricStat} names. */
    record Series(String namespace, String metric, Map<String, String> dimensions, String statistic) {
    }

    record Datapoint(Instant timestamp, double value) {
    }

    private record Row(String id, Datapoint point) {
    }

    /** A request as it arrived. */
    record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** How the real service fails: throttling is a 400 with a query-compatible error code. */
    enum Failure {
        THROTTLING(400, "Throttling", "Sender", "Rate exceeded"),
        INTERNAL_ERROR(500, "InternalServiceError", "Receiver", "Internal service error"),
        NOT_CBOR(200, null, null, null);

        final int status;
        final String code;
        final String fault;
        final String message;

        Failure(int status, String code, String fault, String message) {
            this.status = status;
            this.code = code;
            this.fault = fault;
            this.message = message;
        }
    }

    private final HttpServer server;
    private final Map<Series, List<Datapoint>> datapoints = new ConcurrentHashMap<>();
    private final Map<Series, String> statusCodes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Failure> nextFailures = new ConcurrentLinkedDeque<>();
    private volatile Failure failure;
    private volatile int pageSize = Integer.MAX_VALUE;

    private CloudWatchStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of the loopback interface. */
    static CloudWatchStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CloudWatchStandIn standIn = new CloudWatchStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the CloudWatch stand-in", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The datapoints of a series; answered when asked for a window they fall in. */
    void put(Series series, List<Datapoint> points) {
        datapoints.put(series, List.copyOf(points));
    }

    /** Answers this series with a status other than {@code Complete}, e.g. {@code Forbidden}. */
    void statusCode(Series series, String statusCode) {
        statusCodes.put(series, statusCode);
    }

    /** At most this many datapoints per answer; more make the answer carry a {@code NextToken}. */
    void pageSize(int datapoints) {
        pageSize = datapoints;
    }

    /** Fails the next requests, one failure each, then answers normally again. */
    void failNext(Failure... failures) {
        nextFailures.addAll(List.of(failures));
    }

    /** Fails every request until told {@code failAlways(null)}. */
    void failAlways(Failure failure) {
        this.failure = failure;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = body(exchange);
            JsonNode body = raw.length == 0 ? null : CBOR.readTree(raw);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));

            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                sendError(exchange, 404, "UnknownOperationException", "Sender", "Unknown operation");
                return;
            }
            if (!"rpc-v2-cbor".equals(exchange.getRequestHeaders().getFirst("smithy-protocol"))) {
                sendError(exchange, 400, "MissingRequiredParameter", "Sender", "smithy-protocol: rpc-v2-cbor required");
                return;
            }
            Failure failing = Optional.ofNullable(nextFailures.poll()).orElse(failure);
            if (failing == Failure.NOT_CBOR) {
                send(exchange, 200, "this is not CBOR".getBytes(), Map.of());
            } else if (failing != null) {
                sendError(exchange, failing.status, failing.code, failing.fault, failing.message);
            } else {
                byte[] answer;
                try {
                    answer = answer(body);
                } catch (RuntimeException e) {
                    // A request the stand-in cannot read should fail the test loudly, not hang the client.
                    sendError(exchange, 500, "StandInCouldNotAnswer", "Receiver", e.toString());
                    return;
                }
                send(exchange, 200, answer, Map.of());
            }
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    /** One page of {@code GetMetricData}: every query's datapoints in [StartTime, EndTime), paged together. */
    private byte[] answer(JsonNode request) {
        Instant start = epochSeconds(request.get("StartTime"));
        Instant end = epochSeconds(request.get("EndTime"));
        int offset = request.has("NextToken") ? Integer.parseInt(request.get("NextToken").asString().substring(5)) : 0;

        // All datapoints of all queries in one row, so a page can end in the middle of a query as CloudWatch's do.
        List<String> ids = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (JsonNode query : request.get("MetricDataQueries")) {
            Series asked = series(query.get("MetricStat"));
            String id = query.get("Id").asString();
            ids.add(id);
            series.add(asked);
            datapoints.getOrDefault(asked, List.of()).stream()
                    .filter(p -> !p.timestamp().isBefore(start) && p.timestamp().isBefore(end))
                    .sorted(Comparator.comparing(Datapoint::timestamp))
                    .forEach(p -> rows.add(new Row(id, p)));
        }
        int to = (int) Math.min(rows.size(), (long) offset + pageSize);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = CBOR.createGenerator(out)) {
            CBORGenerator cbor = (CBORGenerator) json;
            json.writeStartObject();
            json.writeName("MetricDataResults");
            json.writeStartArray();
            for (int q = 0; q < ids.size(); q++) {
                String id = ids.get(q);
                List<Datapoint> page = rows.subList(offset, to).stream().filter(row -> row.id().equals(id))
                        .map(Row::point).toList();
                boolean more = rows.subList(to, rows.size()).stream().anyMatch(row -> row.id().equals(id));
                json.writeStartObject();
                json.writeStringProperty("Id", id);
                json.writeStringProperty("Label", series.get(q).metric());
                json.writeName("Timestamps");
                json.writeStartArray();
                for (Datapoint p : page) {
                    cbor.writeTag(CBOR_TAG_EPOCH);
                    json.writeNumber(p.timestamp().toEpochMilli() / 1000d);
                }
                json.writeEndArray();
                json.writeName("Values");
                json.writeStartArray();
                for (Datapoint p : page) {
                    json.writeNumber(p.value());
                }
                json.writeEndArray();
                json.writeStringProperty("StatusCode",
                        statusCodes.getOrDefault(series.get(q), more ? "PartialData" : "Complete"));
                json.writeEndObject();
            }
            json.writeEndArray();
            if (to < rows.size()) {
                json.writeStringProperty("NextToken", "page-" + to);
            }
            json.writeName("Messages");
            json.writeStartArray();
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static Series series(JsonNode metricStat) {
        JsonNode metric = metricStat.get("Metric");
        Map<String, String> dimensions = new LinkedHashMap<>();
        JsonNode asked = metric.get("Dimensions");
        if (asked != null) {
            asked.forEach(d -> dimensions.put(d.get("Name").asString(), d.get("Value").asString()));
        }
        return new Series(metric.get("Namespace").asString(), metric.get("MetricName").asString(), dimensions,
                metricStat.get("Stat").asString());
    }

    /** The SDK writes timestamps as tag 1 + epoch seconds; the tag is dropped on reading, the number stays. */
    static Instant epochSeconds(JsonNode node) {
        return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
    }

    private static void sendError(HttpExchange exchange, int status, String code, String fault, String message)
            throws IOException {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("__type", "com.amazonaws.cloudwatch#" + code);
        error.put("message", message);
        // CloudWatch is "awsQueryCompatible": the SDK takes the error code from this header first.
        send(exchange, status, CBOR.writeValueAsBytes(error), Map.of("x-amzn-query-error", code + ";" + fault));
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/cbor");
        exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
