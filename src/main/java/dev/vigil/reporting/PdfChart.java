package dev.vigil.reporting;

import java.awt.Color;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import dev.vigil.reporting.Report.Chart;

/**
 * Draws one report chart as PDF vector graphics: a frame, three value gridlines with labels, the line
 * and, dashed in red, the target. Vectors stay sharp at any zoom and keep the PDF small; the labels are
 * real text, so the PDF can be searched.
 */
final class PdfChart {

    static final float HEIGHT = 150;
    private static final Color LINE = new Color(0x1a, 0x73, 0xe8);
    private static final Color TARGET = new Color(0xc6, 0x28, 0x28);
    private static final Color GRID = new Color(0xe0, 0xe0, 0xe0);
    private static final float LABEL = 7;

    private PdfChart() {
    }

    static void draw(PdfPages pages, Chart chart, Instant from, Instant to, String zone) throws IOException {
        float top = pages.reserve(HEIGHT + 24);
        PDPageContentStream s = pages.stream();
        pages.text(chart.name() + " (" + chart.unit() + ")" + (chart.target() == null ? ""
                : ", target " + ReportText.figure(chart.target(), chart.unit())), PdfPages.MARGIN, top - 10,
                PdfPages.BOLD, 9, Color.BLACK);
        float left = PdfPages.MARGIN + 40;
        float right = PdfPages.MARGIN + PdfPages.WIDTH;
        float bottom = top - HEIGHT - 4;
        float upper = top - 18;
        List<double[]> points = chart.points();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            lo = Math.min(lo, p[1]);
            hi = Math.max(hi, p[1]);
        }
        if (chart.target() != null) {
            lo = Math.min(lo, chart.target());
            hi = Math.max(hi, chart.target());
        }
        if (points.isEmpty() && chart.target() == null) {
            pages.text("No data for this period", left + 10, (upper + bottom) / 2, PdfPages.REGULAR, 8, PdfPages.MUTED);
            frame(s, left, bottom, right, upper);
            return;
        }
        if (hi - lo < 1e-9) {
            hi = lo + Math.max(1, Math.abs(lo) * 0.1);
        }
        double pad = (hi - lo) * 0.08;
        lo = Math.max(lo - pad, lo >= 0 ? 0 : lo - pad);
        hi += pad;
        double xFrom = from.toEpochMilli();
        double xTo = to.toEpochMilli();
        for (int i = 0; i <= 2; i++) {
            double v = lo + (hi - lo) * i / 2;
            float y = (float) (bottom + (upper - bottom) * i / 2.0);
            s.setStrokingColor(GRID);
            s.setLineWidth(0.4f);
            s.moveTo(left, y);
            s.lineTo(right, y);
            s.stroke();
            String label = ReportText.figure(v, "").replace(".00", "");
            pages.text(label, left - 4 - PdfPages.width(label, PdfPages.REGULAR, LABEL), y - 2, PdfPages.REGULAR, LABEL,
                    PdfPages.MUTED);
        }
        frame(s, left, bottom, right, upper);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(xTo - xFrom > 2 * 86_400_000L ? "MMM d" : "HH:mm",
                Locale.ENGLISH).withZone(ZoneId.of(zone));
        for (int i = 0; i <= 4; i++) {
            long at = (long) (xFrom + (xTo - xFrom) * i / 4);
            String label = format.format(Instant.ofEpochMilli(at));
            float x = (float) (left + (right - left) * i / 4.0);
            pages.text(label, Math.min(x - PdfPages.width(label, PdfPages.REGULAR, LABEL) / 2, right - 20), bottom - 9,
                    PdfPages.REGULAR, LABEL, PdfPages.MUTED);
        }
        if (chart.target() != null) {
            float y = (float) (bottom + (upper - bottom) * (chart.target() - lo) / (hi - lo));
            s.setStrokingColor(TARGET);
            s.setLineWidth(0.8f);
            s.setLineDashPattern(new float[] {3, 2}, 0);
            s.moveTo(left, y);
            s.lineTo(right, y);
            s.stroke();
            s.setLineDashPattern(new float[] {}, 0);
        }
        s.setStrokingColor(LINE);
        s.setLineWidth(1f);
        boolean first = true;
        for (double[] p : points) {
            float x = (float) (left + (right - left) * (p[0] - xFrom) / (xTo - xFrom));
            float y = (float) (bottom + (upper - bottom) * (p[1] - lo) / (hi - lo));
            if (first) {
                s.moveTo(x, y);
                first = false;
            } else {
                s.lineTo(x, y);
            }
        }
        if (points.size() == 1) {
            float x = (float) (left + (right - left) * (points.getFirst()[0] - xFrom) / (xTo - xFrom));
            s.lineTo(x + 2, (float) (bottom + (upper - bottom) * (points.getFirst()[1] - lo) / (hi - lo)));
        }
        if (!points.isEmpty()) {
            s.stroke();
        }
    }

    private static void frame(PDPageContentStream s, float left, float bottom, float right, float upper)
            throws IOException {
        s.setStrokingColor(Color.GRAY);
        s.setLineWidth(0.6f);
        s.addRect(left, bottom, right - left, upper - bottom);
        s.stroke();
    }
}
