package dev.tollgate.decision;

/** Where an allowed request goes and how: "static", "cascade" or "draft_verify". */
public record Route(String destination, String kind, String strategy) {
}
