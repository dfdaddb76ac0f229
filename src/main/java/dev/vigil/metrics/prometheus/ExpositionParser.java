package dev.vigil.metrics.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.vigil.metrics.Sample;

/**
 * Reads the Prometheus text exposition format 0.0.4 into samples. Histograms and summaries keep
 * Prometheus' own series layout ({@code x_bucket{le=...}}, {@code x{quantile=...}}, {@code x_sum},
 * {@code x_count}), so queries written for Prometheus read the same series here.
 */
final class ExpositionParser {

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    /** What Go's ParseFloat (the reference parser's) accepts, minus hex; Java's own would also take "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private ExpositionParser() {
    }

    /**
     * The samples of one scrape, and how many were left out because their value was NaN or ±Inf,
     * which Vigil cannot store (an empty summary's quantiles are NaN, so this is routine).
     */
    record Exposition(List<Sample> samples, int nonFinite) {

        /** Every sample the target exposed, stored or not: Prometheus' {@code scrape_samples_scraped}. */
        int exposed() {
            return samples.size() + nonFinite;
        }
    }

    /**
     * @param defaultTimestamp the time of samples that carry none (the scrape time)
     * @throws ExpositionParseException at the first line that is not the text format
     */
    static Exposition parse(String text, Instant defaultTimestamp) {
        List<Sample> samples = new ArrayList<>();
        int nonFinite = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Line line = new Line(lines[i], i + 1);
            line.skipBlanks();
            if (line.atEnd()) {
                continue;
            }
            if (line.peek() == '#') {
                line.comment();
                continue;
            }
            Sample sample = line.sample(defaultTimestamp);
            if (Double.isFinite(sample.value())) {
                samples.add(sample);
            } else {
                nonFinite++;
            }
        }
        return new Exposition(samples, nonFinite);
    }

    /** A cursor over one line. */
    private static final class Line {

        private final String text;
        private final int number;
        private int pos;

        Line(String text, int number) {
            // Tolerate CRLF bodies from exporters on Windows.
            this.text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            this.number = number;
        }

        /** {@code # HELP name text}, {@code # TYPE name type}, or any other comment (ignored). */
        void comment() {
            pos++;
            skipBlanks();
            String keyword = token();
            if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
                return;
            }
            skipBlanks();
            String name = metricName();
            if (keyword.equals("HELP")) {
                return; // the docstring is free text and Vigil does not store it
            }
            skipBlanks();
            String type = token();
            if (type.isEmpty()) {
                throw error("TYPE of " + name + " is missing");
            }
            if (!TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                throw error("TYPE of " + name + " must be counter, gauge, histogram, summary or untyped, not '"
                        + type + "'");
            }
            expectEnd("after the TYPE of " + name);
        }

        /** {@code name{label="value",...} value [timestamp_ms]} */
        Sample sample(Instant defaultTimestamp) {
            String name = metricName();
            skipBlanks();
            Map<String, String> labels = !atEnd() && peek() == '{' ? labels() : Map.of();
            skipBlanks();
            if (atEnd()) {
                throw error("sample " + name + " has no value");
            }
            double value = value(token());
            skipBlanks();
            Instant timestamp = atEnd() ? defaultTimestamp : timestamp(token());
            expectEnd("after the sample " + name);
            return new Sample(name, labels, timestamp, value);
        }

        private String metricName() {
            int start = pos;
            while (!atEnd() && isNameChar(peek(), pos == start, true)) {
                pos++;
            }
            if (pos == start) {
                throw error(atEnd() ? "expected a metric name" : "expected a metric name at column " + (pos + 1)
                        + ", found '" + peek() + "'");
            }
            return text.substring(start, pos);
        }

        private Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            pos++; // '{'
            while (true) {
                skipBlanks();
                if (!atEnd() && peek() == '}') {
                    pos++;
                    return labels;
                }
                String name = labelName();
                skipBlanks();
                expect('=', "after label name " + name);
                skipBlanks();
                expect('"', "to open the value of label " + name);
                if (labels.put(name, labelValue(name)) != null) {
                    throw error("label " + name + " appears twice");
                }
                skipBlanks();
                if (atEnd() || (peek() != ',' && peek() != '}')) {
                    throw error("expected ',' or '}' after the value of label " + name);
                }
                if (peek() == ',') {
                    pos++;
                }
            }
        }

        private String labelName() {
            int start = pos;
            while (!atEnd() && isNameChar(peek(), pos == start, false)) {
                pos++;
            }
            if (pos == start) {
                throw error("expected a label name at column " + (pos + 1));
            }
            return text.substring(start, pos);
        }

        /** Reads up to the closing quote; the format escapes exactly backslash, quote and line feed. */
        private String labelValue(String name) {
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (atEnd()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case '\\', '"' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    default -> throw error("invalid escape '\\" + escaped + "' in the value of label " + name);
                }
            }
            throw error("the value of label " + name + " is not closed with '\"'");
        }

        private double value(String token) {
            switch (token.toLowerCase(Locale.ROOT)) {
                case "nan":
                    return Double.NaN;
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    if (!DECIMAL.matcher(token).matches()) {
                        throw error("'" + token + "' is not a sample value");
                    }
                    return Double.parseDouble(token);
            }
        }

        private Instant timestamp(String token) {
            if (INTEGER.matcher(token).matches()) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(token));
                } catch (NumberFormatException tooLarge) {
                    // reported below
                }
            }
            throw error("'" + token + "' is not a timestamp in epoch milliseconds");
        }

        private static boolean isNameChar(char c, boolean first, boolean metric) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (metric && c == ':');
            return letter || (!first && c >= '0' && c <= '9');
        }

        private String token() {
            int start = pos;
            while (!atEnd() && !isBlank(peek())) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private void expect(char c, String where) {
            if (atEnd() || peek() != c) {
                throw error("expected '" + c + "' " + where);
            }
            pos++;
        }

        private void expectEnd(String where) {
            skipBlanks();
            if (!atEnd()) {
                String rest = text.substring(pos);
                throw error("unexpected '" + (rest.length() > 40 ? rest.substring(0, 40) + "…" : rest) + "' " + where);
            }
        }

        void skipBlanks() {
            while (!atEnd() && isBlank(peek())) {
                pos++;
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        private ExpositionParseException error(String problem) {
            return new ExpositionParseException(number, problem);
        }
    }
}
