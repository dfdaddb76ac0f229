package dev.vigil.security;

import java.util.List;

/** Who is calling: a logged-in user or an API token, with what it may do (the shape of {@code GET /api/v1/me}). */
public record Caller(String name, String type, List<String> roles, List<String> scopes) {
}
