package dev.vigil.reporting;

import tools.jackson.databind.json.JsonMapper;

/** A report as JSON: one mapper for the live API and the archive, so both read the same. */
final class ReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportJson() {
    }

    static byte[] render(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
