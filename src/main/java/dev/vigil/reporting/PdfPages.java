package dev.vigil.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A top-to-bottom flow of text, tables and drawings over A4 pages with PDFBox: the cursor moves down
 * and a new page starts when something would not fit. The standard Helvetica fonts need no font file;
 * characters they cannot encode (≤, →) are written in ASCII instead.
 */
final class PdfPages implements AutoCloseable {

    static final float MARGIN = 40;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final Color MUTED = new Color(0x5f, 0x63, 0x68);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream stream;
    private float y;

    PdfPages() throws IOException {
        newPage();
    }

    PDPageContentStream stream() {
        return stream;
    }

    /** Reserves {@code height} points below the cursor (on a new page if need be) and returns their top. */
    float reserve(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
        float top = y;
        y -= height;
        return top;
    }

    void gap(float height) {
        y -= height;
    }

    void heading(String text, float size) throws IOException {
        gap(size * 0.6f);
        float top = reserve(size * 1.4f);
        text(text, MARGIN, top - size, BOLD, size, Color.BLACK);
    }

    /** A paragraph wrapped to the page width. */
    void paragraph(String text, float size, Color color) throws IOException {
        for (String line : wrap(safe(text), REGULAR, size, WIDTH)) {
            float top = reserve(size * 1.35f);
            text(line, MARGIN, top - size, REGULAR, size, color);
        }
    }

    /** A table: a bold header row and body rows, columns at the given relative widths. */
    void table(float[] widths, List<String[]> rows, float size) throws IOException {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        for (int r = 0; r < rows.size(); r++) {
            float top = reserve(size * 1.6f);
            float x = MARGIN;
            String[] cells = rows.get(r);
            for (int c = 0; c < widths.length && c < cells.length; c++) {
                float width = WIDTH * widths[c] / total;
                String cell = fit(safe(cells[c] == null ? "" : cells[c]), r == 0 ? BOLD : REGULAR, size, width - 4);
                text(cell, x, top - size, r == 0 ? BOLD : REGULAR, size, r == 0 ? MUTED : Color.BLACK);
                x += width;
            }
            if (r == 0) {
                stream.setStrokingColor(new Color(0xdd, 0xdd, 0xdd));
                stream.setLineWidth(0.5f);
                stream.moveTo(MARGIN, top - size * 1.45f);
                stream.lineTo(MARGIN + WIDTH, top - size * 1.45f);
                stream.stroke();
            }
        }
    }

    void text(String text, float x, float baseline, PDType1Font font, float size, Color color) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(color);
        stream.newLineAtOffset(x, baseline);
        stream.showText(safe(text));
        stream.endText();
    }

    static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(safe(text)) / 1000 * size;
    }

    byte[] finish() throws IOException {
        stream.close();
        stream = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        document.close();
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Text in WinAnsi, which the standard fonts encode: a few symbols spelled out, anything else as '?'. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '≤' -> out.append("<=");
                case '≥' -> out.append(">=");
                case '→' -> out.append("->");
                case '≈' -> out.append("~");
                case '\n', '\t' -> out.append(' ');
                default -> out.append(encodable(c) ? c : '?');
            }
        }
        return out.toString();
    }

    private static boolean encodable(char c) {
        if (c >= 32 && c < 127) {
            return true;
        }
        try {
            REGULAR.encode(String.valueOf(c));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static String fit(String text, PDType1Font font, float size, float width) throws IOException {
        if (width(text, font, size) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && width(cut + "...", font, size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
