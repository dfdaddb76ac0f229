package dev.vigil.incident;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The small page the one-tap link opens on a phone: a plain HTML page with its style inline, so it shows
 * at once over a weak connection instead of loading the whole UI first.
 */
final class OneTapPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC' 'on' d MMM")
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            *{box-sizing:border-box}
            :root{color-scheme:light dark;--ok:#137333;--warn:#b06000;--bad:#c5221f}
            @media (prefers-color-scheme:dark){:root{--ok:#81c995;--warn:#fdd663;--bad:#f28b82}}
            body{margin:0;font:17px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;display:flex;
            justify-content:center;padding:24px 16px}
            main{max-width:420px;width:100%;text-align:center}
            .mark{font-size:56px;line-height:1;margin:8px 0 4px}
            .ok .mark,.ok h1{color:var(--ok)}.warn .mark,.warn h1{color:var(--warn)}.bad .mark,.bad h1{color:var(--bad)}
            h1{font-size:24px;margin:8px 0}
            .what{font-weight:600;margin:12px 0;overflow-wrap:anywhere}
            p{margin:8px 0}
            .button{display:block;margin:24px 0 0;padding:14px;border-radius:10px;background:#1a73e8;color:#fff;
            text-decoration:none;font-weight:600;border:0;width:100%;font-size:17px}
            """;

    private OneTapPage() {
    }

    static String of(OneTapAcknowledgement.Result result) {
        Incident incident = result.incident();
        String id = incident == null ? null : incident.id();
        return switch (result.outcome()) {
            case ACKNOWLEDGED -> page("ok", "✓", id + " acknowledged",
                    "Thanks, " + result.link().username() + ". Escalation has stopped; nobody else is paged for it.",
                    incident);
            case ALREADY_ACKNOWLEDGED -> page("ok", "✓", id + " was already acknowledged",
                    "By " + incident.assignee() + " at " + TIME.format(incident.acknowledgedAt()) + ".", incident);
            case ALREADY_RESOLVED -> page("ok", "✓", id + " is already " + incident.status().name().toLowerCase(),
                    "Nothing to acknowledge any more.", incident);
            case USED -> page("warn", "!", "This link has already been used",
                    "Each acknowledge link works once"
                            + (result.link().usedAt() == null ? "" : "; it was used at " + TIME.format(result.link().usedAt()))
                            + ". Open the incident to see where it stands.", incident);
            case EXPIRED -> page("warn", "!", "This link has expired",
                    "Acknowledge links work for a limited time. Open the incident in Vigil to acknowledge it.", incident);
            case INVALID -> page("bad", "✕", "This link is not valid",
                    "It may have been cut short or changed. Open Vigil to find the incident.", null);
        };
    }

    /** For link previewers (chat apps fetch links to show a preview): nothing happens until a person taps. */
    static String confirm(String token) {
        return page("warn", "?", "Acknowledge this incident?", "Tap the button to acknowledge it.", null,
                "<form method=\"post\" action=\"/a/" + htmlEscape(token) + "\">"
                        + "<button class=\"button\" type=\"submit\">Acknowledge</button></form>");
    }

    private static String page(String tone, String mark, String heading, String text, Incident incident) {
        String open = incident == null ? "<a class=\"button\" href=\"/incidents\">Open Vigil</a>"
                : "<a class=\"button\" href=\"/incidents/" + htmlEscape(incident.id()) + "\">Open " + htmlEscape(incident.id())
                        + " in Vigil</a>";
        return page(tone, mark, heading, text, incident, open);
    }

    private static String page(String tone, String mark, String heading, String text, Incident incident, String action) {
        String what = incident == null ? "" : "<p class=\"what\">" + htmlEscape(incident.title()) + "</p>"
                + "<p>" + htmlEscape(incident.service()) + " · " + incident.severity().name().toLowerCase() + "</p>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + htmlEscape(heading) + " · Vigil</title><style>" + STYLE + "</style></head>"
                + "<body><main class=\"" + tone + "\"><div class=\"mark\" aria-hidden=\"true\">" + mark + "</div>"
                + "<h1>" + htmlEscape(heading) + "</h1>" + what + "<p>" + htmlEscape(text) + "</p>" + action
                + "</main></body></html>";
    }
}
