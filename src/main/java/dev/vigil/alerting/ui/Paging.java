package dev.vigil.alerting.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Serves a grid's offset/limit window from an API that pages by (page, size). */
final class Paging {

    private Paging() {
    }

    static <T> Stream<T> slice(int offset, int limit, BiFunction<Integer, Integer, List<T>> page) {
        if (limit <= 0) {
            return Stream.empty();
        }
        int first = offset / limit;
        int skip = offset - first * limit;
        List<T> items = new ArrayList<>(page.apply(first, limit));
        // A window that starts inside a page spills into the next one.
        if (skip > 0 && items.size() == limit) {
            items.addAll(page.apply(first + 1, limit));
        }
        return items.stream().skip(skip).limit(limit);
    }
}
