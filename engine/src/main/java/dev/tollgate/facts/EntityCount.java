package dev.tollgate.facts;

public record EntityCount(String type, int count) {
}
