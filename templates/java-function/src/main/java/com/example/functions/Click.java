package com.example.functions;

/** An input event: a user opened a page. Records are serialized as JSON by default. */
public record Click(String user, String page, long timestampMillis) {
}
