package dev.vigil.incident;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /a/{token}}: the one-tap acknowledge link of an SMS (api.md). Opening it acknowledges, with
 * no login, and answers a small page. Chat apps and messengers that fetch links for a preview get a page
 * with an Acknowledge button instead, so a preview never acknowledges on someone's behalf.
 */
@Controller
@Hidden
class OneTapAcknowledgeController {

    private static final Pattern LINK_PREVIEWERS = Pattern.compile(
            "bot|crawler|spider|preview|facebookexternalhit|slack|whatsapp|telegram|discord|skype|teams|linkedin|"
                    + "embedly|quora|outlook|iframely|google-pageread");

    private final OneTapAcknowledgement acknowledgement;

    OneTapAcknowledgeController(OneTapAcknowledgement acknowledgement) {
        this.acknowledgement = acknowledgement;
    }

    @GetMapping("/a/{token}")
    ResponseEntity<String> open(@PathVariable String token,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        if (userAgent != null && LINK_PREVIEWERS.matcher(userAgent.toLowerCase(Locale.ROOT)).find()) {
            return html(HttpStatus.OK, OneTapPage.confirm(token));
        }
        return acknowledge(token);
    }

    @PostMapping("/a/{token}")
    ResponseEntity<String> acknowledge(@PathVariable String token) {
        OneTapAcknowledgement.Result result = acknowledgement.acknowledge(token);
        HttpStatus status = switch (result.outcome()) {
            case ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, ALREADY_RESOLVED -> HttpStatus.OK;
            case USED -> HttpStatus.CONFLICT;
            case EXPIRED -> HttpStatus.GONE;
            case INVALID -> HttpStatus.NOT_FOUND;
        };
        return html(status, OneTapPage.of(result));
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                // The token is in the URL: do not hand it to the next page as a Referer.
                .header("Referrer-Policy", "no-referrer")
                .body(page);
    }
}
