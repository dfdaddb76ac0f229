package dev.vigil.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class IncidentGridTests {

    private final List<Integer> rows = IntStream.range(0, 120).boxed().toList();
    private final List<String> calls = new ArrayList<>();
    private final BiFunction<Integer, Integer, List<Integer>> pages = (page, size) -> {
        calls.add(page + "/" + size);
        int from = Math.min(page * size, rows.size());
        return rows.subList(from, Math.min(from + size, rows.size()));
    };

    @Test
    void aPageAlignedWindowIsOnePage() {
        assertThat(IncidentGrid.window(50, 50, pages).toList()).isEqualTo(rows.subList(50, 100));
        assertThat(IncidentGrid.window(100, 50, pages).toList()).isEqualTo(rows.subList(100, 120));
        assertThat(calls).containsExactly("1/50", "2/50");
    }

    @Test
    void aWindowInsideAPageIsReadFromTheTop() {
        assertThat(IncidentGrid.window(30, 50, pages).toList()).isEqualTo(rows.subList(30, 80));
        assertThat(calls).containsExactly("0/80");
    }

    @Test
    void anEmptyWindowAsksNothing() {
        assertThat(IncidentGrid.window(0, 0, pages)).isEmpty();
        assertThat(calls).isEmpty();
    }
}
