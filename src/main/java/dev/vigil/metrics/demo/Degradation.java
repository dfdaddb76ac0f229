package dev.vigil.metrics.demo;

/** The kinds of trouble the demo service gets into now and then. */
enum Degradation {
    /** p95/p99 response times well over the 500 ms target. */
    LATENCY_SPIKE,
    /** 5xx errors above 1 % and availability below 99 %. */
    ERROR_BURST,
    /** A message lands in the dead-letter queue. */
    DLQ_MESSAGE,
    /** Lambda memory climbs past 80 % of its allocation. */
    MEMORY_CLIMB
}
