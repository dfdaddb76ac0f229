package dev.vigil.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.oncall.Schedule.Layer;

/**
 * Who is on call, table-driven. Europe/Berlin in 2026: summer time starts on 29 March (02:00 → 03:00,
 * +01:00 → +02:00) and ends on 25 October (03:00 → 02:00).
 */
class RotationsTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                             | start            | rotation | handoff | at                   | on call
            weekly: the first turn starts at the layer's start | 2026-11-02T09:00 | weekly   | 09:00   | 2026-11-02T08:00:00Z | ana
            weekly: nobody before the layer starts             | 2026-11-02T09:00 | weekly   | 09:00   | 2026-11-02T07:59:59Z |
            weekly: still the first a minute before handoff    | 2026-11-02T09:00 | weekly   | 09:00   | 2026-11-09T07:59:00Z | ana
            weekly: the second from the handoff on             | 2026-11-02T09:00 | weekly   | 09:00   | 2026-11-09T08:00:00Z | ben
            weekly: the fourth week is the first's again       | 2026-11-02T09:00 | weekly   | 09:00   | 2026-11-23T08:00:00Z | ana
            daily: day two                                     | 2026-11-02T09:00 | daily    | 09:00   | 2026-11-03T08:00:00Z | ben
            daily: day two until the next handoff              | 2026-11-02T09:00 | daily    | 09:00   | 2026-11-04T07:59:00Z | ben
            daily: day three                                   | 2026-11-02T09:00 | daily    | 09:00   | 2026-11-04T08:00:00Z | cy
            a start before the handoff time is the first's     | 2026-11-02T00:00 | daily    | 09:00   | 2026-11-02T07:00:00Z | ana
            the first keeps it until the next day's handoff    | 2026-11-02T00:00 | daily    | 09:00   | 2026-11-03T07:59:00Z | ana
            handoff at 09:00 after a start in the afternoon    | 2026-11-02T15:00 | daily    | 09:00   | 2026-11-03T08:00:00Z | ben
            three-day turns                                    | 2026-11-02T09:00 | P3D      | 09:00   | 2026-11-05T08:00:00Z | ben
            spring: Saturday's turn, 23 hours long             | 2026-03-27T09:00 | daily    | 09:00   | 2026-03-29T06:59:00Z | ben
            spring: Sunday's handoff stays at 09:00 local      | 2026-03-27T09:00 | daily    | 09:00   | 2026-03-29T07:00:00Z | cy
            spring: Monday                                     | 2026-03-27T09:00 | daily    | 09:00   | 2026-03-30T07:00:00Z | ana
            autumn: Saturday's turn, 25 hours long             | 2026-10-23T09:00 | daily    | 09:00   | 2026-10-25T07:59:00Z | ben
            autumn: Sunday's handoff stays at 09:00 local      | 2026-10-23T09:00 | daily    | 09:00   | 2026-10-25T08:00:00Z | cy
            spring: a handoff time the clocks skip             | 2026-03-28T02:30 | daily    | 02:30   | 2026-03-29T01:29:00Z | ana
            spring: happens when the clocks show it again      | 2026-03-28T02:30 | daily    | 02:30   | 2026-03-29T01:30:00Z | ben
            spring: and at 02:30 the day after                 | 2026-03-28T02:30 | daily    | 02:30   | 2026-03-30T00:30:00Z | cy
            autumn: a handoff time that happens twice          | 2026-10-24T02:30 | daily    | 02:30   | 2026-10-25T00:29:00Z | ana
            autumn: hands off the first time it happens        | 2026-10-24T02:30 | daily    | 02:30   | 2026-10-25T00:30:00Z | ben
            12 hours: the evening turn                         | 2026-03-28T08:00 | PT12H    | 08:00   | 2026-03-28T19:00:00Z | ben
            12 hours: an 11-hour night when summer time starts | 2026-03-28T08:00 | PT12H    | 08:00   | 2026-03-29T05:59:00Z | ben
            12 hours: the morning handoff stays at 08:00 local | 2026-03-28T08:00 | PT12H    | 08:00   | 2026-03-29T06:00:00Z | cy
            12 hours: and the evening one at 20:00 local       | 2026-03-28T08:00 | PT12H    | 08:00   | 2026-03-29T18:00:00Z | ana
            """)
    void oneLayer(String description, String start, String rotation, String handoff, String at, String expected) {
        Schedule schedule = schedule(layer("primary", LocalDateTime.parse(start), null, rotation, handoff, "ana", "ben", "cy"));

        assertThat(Rotations.whoAt(schedule, Instant.parse(at)).map(Shift::username).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                            | at                   | on call | source
            the base layer where the later one has nobody yet | 2026-11-04T07:00:00Z | ana     | weekly
            the later layer wins while it has someone         | 2026-11-04T10:00:00Z | dan     | weekday cover
            the base layer again after the later one ends     | 2026-11-05T08:00:00Z | ana     | weekly
            an override wins over every layer                 | 2026-11-04T20:00:00Z | eve     | override
            an override ends at its end                       | 2026-11-05T06:00:00Z | dan     | weekday cover
            of overlapping overrides the later one wins       | 2026-11-06T12:00:00Z | cy      | override
            the earlier override where they do not overlap    | 2026-11-06T09:30:00Z | ben     | override
            """)
    void layersAndOverrides(String description, String at, String expected, String source) {
        Schedule schedule = new Schedule("s", "s", BERLIN, List.of(
                layer("weekly", LocalDateTime.parse("2026-11-02T09:00"), null, "weekly", "09:00", "ana", "ben"),
                layer("weekday cover", LocalDateTime.parse("2026-11-04T09:00"), LocalDateTime.parse("2026-11-05T09:00"),
                        "daily", "09:00", "dan")),
                List.of(override("eve", "2026-11-04T18:00:00Z", "2026-11-05T06:00:00Z"),
                        override("ben", "2026-11-06T09:00:00Z", "2026-11-06T18:00:00Z"),
                        override("cy", "2026-11-06T10:00:00Z", "2026-11-06T14:00:00Z")));

        Shift who = Rotations.whoAt(schedule, Instant.parse(at)).orElseThrow();

        assertThat(who.username()).isEqualTo(expected);
        assertThat(who.source()).isEqualTo(source);
    }

    @Test
    void shiftsAreMergedAcrossHandoffsToTheSamePersonAndInterruptedByOverrides() {
        Schedule schedule = new Schedule("s", "s", BERLIN,
                List.of(layer("weekly", LocalDateTime.parse("2026-11-02T09:00"), null, "weekly", "09:00", "ana", "ben")),
                List.of(override("ben", "2026-11-05T00:00:00Z", "2026-11-06T00:00:00Z"),
                        override("ben", "2026-11-09T00:00:00Z", "2026-11-09T08:00:00Z")));

        List<Shift> shifts = Rotations.shifts(schedule, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-16T00:00:00Z"));

        assertThat(shifts).containsExactly(
                new Shift("ana", Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"), "weekly"),
                new Shift("ben", Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-06T00:00:00Z"), "override"),
                new Shift("ana", Instant.parse("2026-11-06T00:00:00Z"), Instant.parse("2026-11-09T00:00:00Z"), "weekly"),
                new Shift("ben", Instant.parse("2026-11-09T00:00:00Z"), Instant.parse("2026-11-16T00:00:00Z"), "override"));
    }

    @Test
    void theCurrentShiftSaysSinceWhenAndUntilWhen() {
        Schedule schedule = schedule(layer("primary", LocalDateTime.parse("2026-11-02T09:00"), null, "weekly", "09:00",
                "ana", "ben"));

        Shift shift = Rotations.at(schedule, Instant.parse("2026-11-04T12:00:00Z")).orElseThrow();

        assertThat(shift).isEqualTo(new Shift("ana", Instant.parse("2026-11-02T08:00:00Z"),
                Instant.parse("2026-11-09T08:00:00Z"), "primary"));
    }

    @Test
    void aLoneParticipantIsOnCallWithNoEndInSight() {
        Schedule schedule = schedule(layer("primary", LocalDateTime.parse("2026-11-02T09:00"), null, "daily", "09:00",
                "ana"));

        Shift shift = Rotations.at(schedule, Instant.parse("2026-11-20T12:00:00Z")).orElseThrow();

        assertThat(shift.username()).isEqualTo("ana");
        assertThat(shift.end()).isNull();
    }

    @ParameterizedTest(name = "{0} → {1} minutes")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            daily  | 1440
            weekly | 10080
            Weekly | 10080
            P3D    | 4320
            P2W    | 20160
            PT12H  | 720
            pt8h   | 480
            P1DT12H| 2160
            PT30M  | none
            PT90M  | none
            P1M    | none
            P9W    | none
            fortnightly | none
            """)
    void rotationLengths(String text, Long minutes) {
        Schedule.Rotation rotation = ScheduleJson.rotation(text.strip());

        assertThat(rotation == null ? null : rotation.minutes()).isEqualTo(minutes);
    }

    private static Schedule schedule(Layer... layers) {
        return new Schedule("s", "s", BERLIN, Arrays.asList(layers), List.of());
    }

    private static Layer layer(String name, LocalDateTime start, LocalDateTime end, String rotation, String handoff,
            String... participants) {
        return new Layer(name, start, end, ScheduleJson.rotation(rotation), LocalTime.parse(handoff),
                List.of(participants));
    }

    private static ScheduleOverride override(String user, String start, String end) {
        return new ScheduleOverride(user + start, user, Instant.parse(start), Instant.parse(end), "test");
    }
}
