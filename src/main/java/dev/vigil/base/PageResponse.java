package dev.vigil.base;

import java.util.List;

/**
 * The shape of every list in the API: {@code {"content": [...], "page": {"number", "size",
 * "totalElements", "totalPages"}}}.
 */
public record PageResponse<T>(List<T> content, PageInfo page) {

    /** Where a page sits in the whole list. */
    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }

    public static <T> PageResponse<T> of(List<T> content, int number, int size, long totalElements) {
        int pages = size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
        return new PageResponse<>(content, new PageInfo(number, size, totalElements, pages));
    }

    /** Checks the page parameters of a request: number ≥ 0, 1 ≤ size ≤ max. */
    public static void check(int number, int size, int max) {
        List<FieldViolation> violations = new java.util.ArrayList<>();
        if (number < 0) {
            violations.add(new FieldViolation("/page", "must be 0 or more"));
        }
        if (size < 1 || size > max) {
            violations.add(new FieldViolation("/size", "must be from 1 to " + max));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The page parameters are invalid", violations);
        }
    }
}
