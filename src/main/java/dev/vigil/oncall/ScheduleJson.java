package dev.vigil.oncall;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import dev.vigil.base.FieldViolation;
import dev.vigil.oncall.Schedule.Layer;
import dev.vigil.oncall.Schedule.Rotation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A schedule as the API writes it:
 * <pre>{"name": "checkout-oncall", "timeZone": "Europe/Berlin",
 *  "layers": [{"name": "primary", "start": "2026-11-02T09:00", "rotation": "weekly",
 *              "handoffTime": "09:00", "participants": ["ana", "ben"]}],
 *  "overrides": [{"user": "ana", "start": "2026-11-05T18:00:00Z", "end": "2026-11-06T08:00:00Z"}]}</pre>
 * Layer times are local to the schedule's zone; a date alone starts at the handoff time (default the
 * start's time, else 09:00). Override times are instants.
 */
final class ScheduleJson {

    static final LocalTime DEFAULT_HANDOFF = LocalTime.of(9, 0);
    static final Duration MIN_ROTATION = Duration.ofHours(1);
    static final Duration MAX_ROTATION = Duration.ofDays(56);
    private static final String ROTATIONS = "daily, weekly, or whole days (P3D, P2W) or hours (PT12H) from "
            + MIN_ROTATION + " to P8W";

    private ScheduleJson() {
    }

    static Schedule read(JsonNode node, References refs, List<FieldViolation> violations) {
        Fields f = Fields.document(node, "a schedule", violations);
        String id = f.id();
        String name = f.text("name", true, 200);
        ZoneId zone = f.parsed("timeZone", ZoneId.of("UTC"), ScheduleJson::zone, "a time zone such as Europe/Berlin");
        List<Layer> layers = new ArrayList<>();
        for (Fields layer : f.objects("layers", 1, 10)) {
            layers.add(layer(layer, layers.size(), refs));
        }
        return new Schedule(id, name, zone, layers, overrides(f, refs));
    }

    /** The overrides of a schedule document; absent is none. */
    static List<ScheduleOverride> overrides(Fields f, References refs) {
        List<ScheduleOverride> overrides = new ArrayList<>();
        for (Fields o : f.objects("overrides", 0, 1000)) {
            overrides.add(override(o, refs));
        }
        return overrides;
    }

    /** {@code {"user", "start", "end"}} (instants), plus {@code id} and {@code createdBy} once stored. */
    static ScheduleOverride override(Fields o, References refs) {
        String id = o.text("id", false, 64);
        String user = o.reference("user", true, null, refs);
        Instant start = o.parsed("start", null, ScheduleJson::instant, "an instant such as 2026-11-05T18:00:00Z");
        Instant end = o.parsed("end", null, ScheduleJson::instant, "an instant such as 2026-11-06T08:00:00Z");
        if (start != null && end != null && !end.isAfter(start)) {
            o.reject("end", "must be after start");
        }
        return new ScheduleOverride(id == null ? newOverrideId() : id, user, start, end, o.text("createdBy", false, 200));
    }

    private static Layer layer(Fields f, int index, References refs) {
        String name = f.text("name", false, 100);
        LocalDateTime start = f.parsed("start", null, ScheduleJson::localStart,
                "a local date-time such as 2026-11-02T09:00 or a date");
        LocalTime handoff = f.optional("handoffTime", ScheduleJson::localTime, "a local time such as 09:00");
        if (handoff == null) {
            handoff = start != null && f.raw("start").asString().contains("T") ? start.toLocalTime() : DEFAULT_HANDOFF;
        }
        if (start != null && !f.raw("start").asString().contains("T")) {
            start = start.toLocalDate().atTime(handoff);
        }
        LocalDateTime end = f.optional("end", ScheduleJson::localStart, "a local date-time such as 2026-12-01T09:00");
        if (start != null && end != null && !end.isAfter(start)) {
            f.reject("end", "must be after start");
        }
        Rotation rotation = f.parsed("rotation", Rotation.WEEKLY, ScheduleJson::rotation, ROTATIONS);
        List<String> participants = f.users("participants", 1, 100, refs);
        return new Layer(name == null ? "Layer " + (index + 1) : name, start, end, rotation, handoff, participants);
    }

    static Rotation rotation(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(Rotation.DAILY.text()) || lower.equals(Rotation.WEEKLY.text())) {
            return lower.equals(Rotation.DAILY.text()) ? Rotation.DAILY : Rotation.WEEKLY;
        }
        try {
            String upper = text.toUpperCase(Locale.ROOT);
            Duration length = upper.contains("T") ? Duration.parse(upper) : days(Period.parse(upper));
            boolean wholeHours = length != null && length.toMinutesPart() == 0 && length.toSecondsPart() == 0
                    && length.getNano() == 0;
            if (!wholeHours || length.compareTo(MIN_ROTATION) < 0 || length.compareTo(MAX_ROTATION) > 0) {
                return null;
            }
            return new Rotation(upper, length.toMinutes());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Duration days(Period period) {
        return period.getYears() != 0 || period.getMonths() != 0 ? null : Duration.ofDays(period.getDays());
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime localStart(String text) {
        try {
            return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime localTime(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String newOverrideId() {
        return "o-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    static ObjectNode write(Schedule schedule) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", schedule.id());
        json.put("name", schedule.name());
        json.put("timeZone", schedule.zone().getId());
        ArrayNode layers = json.putArray("layers");
        for (Layer layer : schedule.layers()) {
            ObjectNode l = layers.addObject();
            l.put("name", layer.name());
            l.put("start", layer.start().toString());
            if (layer.end() != null) {
                l.put("end", layer.end().toString());
            }
            l.put("rotation", layer.rotation().text());
            l.put("handoffTime", layer.handoffTime().toString());
            layer.participants().forEach(l.putArray("participants")::add);
        }
        ArrayNode overrides = json.putArray("overrides");
        schedule.overrides().forEach(o -> overrides.add(write(o)));
        return json;
    }

    static ObjectNode write(ScheduleOverride o) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", o.id());
        json.put("user", o.username());
        json.put("start", o.start().toString());
        json.put("end", o.end().toString());
        json.put("createdBy", o.createdBy());
        return json;
    }
}
